package org.securebase.web.studio;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.omnifaces.util.Faces;
import org.securebase.application.studio.InstrumentStudio;
import org.securebase.application.studio.StudioService;
import org.securebase.domain.BusinessException;
import org.securebase.domain.instrument.InstrumentDefinition;
import org.securebase.domain.instrument.InstrumentScoring.SubscaleScore;
import org.securebase.domain.instrument.ScoringPreview;
import org.securebase.domain.module.StudioEvent;
import org.securebase.web.util.Bundle;
import org.securebase.web.util.Times;

/**
 * /studio/instrument.xhtml?instrument=slug: an instrument's file, checked by the validator as it is saved (on the
 * revision last seen: a save after someone else's is refused and the author chooses theirs or this one); a scoring
 * preview of two example ratings; publishing, with the licence confirmed for a licensed instrument; its history.
 */
@Named
@ViewScoped
public class InstrumentBacking extends DraftPage {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient InstrumentStudio studio;

    private String source;
    private String origin;
    private boolean licenceHeld;
    private final Map<String, String> first = new HashMap<>();
    private final Map<String, String> later = new HashMap<>();
    private transient ScoringPreview preview;
    private transient InstrumentDefinition instrument;

    @PostConstruct
    void init() {
        load("instrument");
    }

    @Override
    StudioService.Draft open(String slug) {
        return studio.open(currentUser.require(), slug);
    }

    @Override
    StudioService.Draft store(String slug, String text, long revision) {
        return studio.save(currentUser.require(), slug, text, revision);
    }

    @Override
    void show(StudioService.Draft draft) {
        source = draft.source();
        accept(draft);
    }

    @Override
    void accept(StudioService.Draft draft) {
        super.accept(draft);
        origin = draft.origin();
        instrument = null;
        preview = null;
    }

    /** Keeps the text on the revision last seen, unless nothing changed. */
    @Override
    public void save() {
        saveText(source);
    }

    /** Saves, then scores the two example ratings with the saved file. */
    public void score() {
        save();
        if (getInstrument() == null) {
            return;
        }
        try {
            preview = ScoringPreview.of(instrument, answers(first), answers(later));
        } catch (BusinessException | NumberFormatException e) {
            preview = null;
            Bundle.error("studio.instrument.example.invalid", instrument.scale().min(), instrument.scale().max());
        }
    }

    private Map<String, Integer> answers(Map<String, String> typed) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (InstrumentDefinition.Item item : instrument.items()) {
            String value = typed.get(item.id());
            if (value != null && !value.isBlank()) {
                answers.put(item.id(), Integer.parseInt(value.strip()));
            }
        }
        return answers;
    }

    public String publish() {
        try {
            return publishWith(revision -> studio.publish(currentUser.require(), getSlug(), revision, licenceHeld),
                    "studio.instrument.published", InstrumentsBacking.editor(getSlug()));
        } catch (InstrumentStudio.LicenceNotConfirmed e) {
            Bundle.error("studio.instrument.licence.required");
        } catch (StudioService.SlugRefused e) {
            Bundle.error("studio.instrument.slug.shared", getSlug());
        }
        return null;
    }

    /** The instrument the saved text describes, or null while it has problems. */
    public InstrumentDefinition getInstrument() {
        if (instrument == null && saved() != null && getProblems().isEmpty()) {
            instrument = InstrumentStudio.definition(getSlug(), saved()).orElse(null);
        }
        return instrument;
    }

    public boolean isLicensed() {
        return getInstrument() != null && instrument.kind() == InstrumentDefinition.Kind.LICENSED;
    }

    /** A subscale's score as the preview shows it, or why it cannot be scored. */
    public String score(SubscaleScore score, int needed) {
        return score.value().map(this::number).orElseGet(() -> Bundle.text("studio.instrument.notScorable",
                score.answered(), score.items(), needed));
    }

    /** The change between the two examples, with its Reliable Change Index when the file gives norms. */
    public String change(ScoringPreview.Row row) {
        if (!row.first().scorable() || !row.later().scorable()) {
            return Bundle.text("studio.instrument.change.none");
        }
        double change = row.later().value().get() - row.first().value().get();
        String signed = (change > 0 ? "+" : "") + number(change);
        return row.change().map(c -> Bundle.text(c.reliable() ? "studio.instrument.rci.reliable"
                : "studio.instrument.rci.within", signed, number(c.rci())))
                .orElseGet(() -> Bundle.text("studio.instrument.rci.noNorms", signed));
    }

    /** The type a rating gives, flagged when a score lies near the midpoint. */
    public String type(Optional<String> type, boolean nearMiddle) {
        return type.map(t -> nearMiddle ? Bundle.text("studio.instrument.type.near", t) : t)
                .orElseGet(() -> Bundle.text("studio.instrument.type.none"));
    }

    public boolean isFirstNearMiddle() {
        return preview != null && preview.rows().stream().anyMatch(ScoringPreview.Row::firstNearMiddle);
    }

    public boolean isLaterNearMiddle() {
        return preview != null && preview.rows().stream().anyMatch(ScoringPreview.Row::laterNearMiddle);
    }

    private String number(double value) {
        return String.format(Faces.getLocale() == null ? Locale.ROOT : Faces.getLocale(), "%.2f", value);
    }

    public List<StudioService.VersionRow> getHistory() {
        return isFound() ? studio.history(currentUser.require(), getSlug()) : List.of();
    }

    public List<StudioEvent> getTrail() {
        return isFound() ? studio.trail(currentUser.require(), getSlug()) : List.of();
    }

    /** A trail line's detail in words (the licence confirmation), else as stored. */
    public String detail(StudioEvent event) {
        return InstrumentStudio.LICENCE_HELD.equals(event.getDetail())
                ? Bundle.text("studio.instrument.trail.licence") : event.getDetail();
    }

    public String when(Instant at) {
        return Times.when(at);
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getOrigin() {
        return origin;
    }

    public String getConflictMessage() {
        return conflictMessage("studio.instrument.conflict");
    }

    public boolean isLicenceHeld() {
        return licenceHeld;
    }

    public void setLicenceHeld(boolean licenceHeld) {
        this.licenceHeld = licenceHeld;
    }

    public Map<String, String> getFirst() {
        return first;
    }

    public Map<String, String> getLater() {
        return later;
    }

    public ScoringPreview getPreview() {
        return preview;
    }
}
