package org.securebase.application.studio;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.securebase.application.content.ContentCatalog;
import org.securebase.domain.BusinessException;
import org.securebase.domain.NotFoundException;
import org.securebase.domain.account.Account;
import org.securebase.domain.instrument.InstrumentDefinition;
import org.securebase.domain.module.ContentVersion;
import org.securebase.domain.module.DraftConflict;
import org.securebase.domain.module.ModuleDraft;
import org.securebase.domain.module.StudioEvent;
import org.securebase.domain.school.School;
import org.securebase.infrastructure.content.InstrumentParser;
import org.securebase.infrastructure.content.Parsed;

/**
 * The studio's instruments: a school's authors describe an instrument in its file (items with or without text,
 * reverse keys, subscales, the missing-data rule, a classification, norms for the Reliable Change Index), check it
 * with the same parser as {@code scripts/validate-content}, and publish it to the school's library; a licensed
 * instrument only once the author confirms the school holds the licence (written to the trail). Drafts save on the
 * revision last seen, as modules' do; another school's draft or instrument is not found.
 */
@Stateless
public class InstrumentStudio {

    /** The trail's detail of a licensed instrument's publish: the author confirmed the school's licence. */
    public static final String LICENCE_HELD = "licence-held";

    private static final String KIND = ContentVersion.INSTRUMENT;

    @Inject
    private ContentCatalog catalog;

    @Inject
    private StudioStore store;

    /** Refused: a licensed instrument is published only when the author confirms the school holds its licence. */
    public static class LicenceNotConfirmed extends BusinessException {
        private static final long serialVersionUID = 1L;

        LicenceNotConfirmed(String slug) {
            super("studio.instrument.licence.required", "licence not confirmed for " + slug);
        }
    }

    /** The shared library's instruments (read-only; each can be adapted). */
    public List<StudioService.LibraryRow> shared(Account author) {
        StudioService.requireAuthor(author);
        return catalog.currentInstruments().stream().map(v -> new StudioService.LibraryRow(v.getSlug(),
                v.getTitle(), true, v.getVersionNumber(), true, false, null, v.getImportedAt())).toList();
    }

    /** The school's own instruments: published versions and open drafts, by slug. */
    public List<StudioService.LibraryRow> own(Account author) {
        School school = StudioService.requireAuthor(author);
        Map<String, StudioService.LibraryRow> own = new LinkedHashMap<>();
        List<ContentVersion> versions = store.allVersions(school, KIND);
        Set<String> current = new HashSet<>();
        versions.stream().filter(ContentVersion::isCurrent).forEach(v -> current.add(v.getSlug()));
        for (ContentVersion v : versions) {
            own.putIfAbsent(v.getSlug(), new StudioService.LibraryRow(v.getSlug(), v.getTitle(), false,
                    v.getVersionNumber(), current.contains(v.getSlug()), false, v.getOrigin(), v.getImportedAt()));
        }
        for (ModuleDraft d : store.drafts(school, KIND)) {
            StudioService.LibraryRow row = own.get(d.getSlug());
            own.put(d.getSlug(), new StudioService.LibraryRow(d.getSlug(),
                    row != null ? row.title() : StudioStore.titleOf(d.getSource(), d.getSlug()), false,
                    row == null ? null : row.version(), row != null && row.published(), true,
                    d.getOrigin() != null ? d.getOrigin() : row == null ? null : row.origin(), d.getUpdatedAt()));
        }
        return List.copyOf(own.values());
    }

    /** Starts a new instrument from the studio's skeleton (a licensed instrument of four items without text). */
    public StudioService.Draft create(Account author, String slug, String title) {
        School school = StudioService.requireAuthor(author);
        requireFreeSlug(school, slug);
        String source = StudioStore.withTitle(StudioStore.withSlug(StudioStore.resource("new-instrument.yaml"), slug),
                title, slug);
        ModuleDraft draft = store.newDraft(KIND, school, author, slug, source, null);
        store.event(KIND, school, author, StudioEvent.Action.CREATE, slug, null, null);
        store.flush();
        return view(draft);
    }

    /** Copies a shared instrument into the school's library under a new slug, noting where it came from. */
    public StudioService.Draft adapt(Account author, String sharedSlug, String slug) {
        School school = StudioService.requireAuthor(author);
        ContentVersion original = catalog.currentInstruments().stream().filter(v -> v.getSlug().equals(sharedSlug))
                .findFirst().orElseThrow(() -> new NotFoundException("shared instrument " + sharedSlug));
        requireFreeSlug(school, slug);
        String origin = "shared:" + sharedSlug + " v" + original.getVersionNumber();
        ModuleDraft draft = store.newDraft(KIND, school, author, slug,
                StudioStore.withSlug(original.getSource(), slug), origin);
        store.event(KIND, school, author, StudioEvent.Action.ADAPT, slug, null, origin);
        store.flush();
        return view(draft);
    }

    /** The instrument's draft; a published instrument without one gets a draft of its newest version. */
    public StudioService.Draft open(Account author, String slug) {
        School school = StudioService.requireAuthor(author);
        return view(store.openDraft(KIND, school, author, slug)
                .orElseThrow(() -> new NotFoundException("instrument " + slug)));
    }

    /** The instrument a text describes, with the validator's problems (each with its line). */
    public static Parsed<InstrumentDefinition> parse(String slug, String source) {
        return InstrumentParser.parse(slug + ".yaml", slug, source);
    }

    /**
     * Keeps the author's text if it was written on the stored revision, else refuses (nothing changes).
     *
     * @throws DraftConflict when someone saved since
     */
    public StudioService.Draft save(Account author, String slug, String source, long revision) {
        ModuleDraft draft = draft(author, slug);
        store.save(draft, author, source, revision);
        return view(draft);
    }

    /**
     * Publishes the draft as the instrument's next version in the school's library; the draft is closed.
     *
     * @param licenceHeld the author confirms the school holds the licence (needed for a licensed instrument)
     * @throws StudioService.PublishRefused while the validator reports any problem
     * @throws LicenceNotConfirmed for a licensed instrument without the confirmation
     * @throws DraftConflict when someone saved since the author's revision
     */
    public StudioService.VersionRow publish(Account author, String slug, long revision, boolean licenceHeld) {
        ModuleDraft draft = draft(author, slug);
        draft.requireRevision(revision);
        Parsed<InstrumentDefinition> parsed = parse(slug, draft.getSource());
        if (parsed.definition().isEmpty()) {
            throw new StudioService.PublishRefused(parsed.problems());
        }
        InstrumentDefinition instrument = parsed.definition().get();
        boolean licensed = instrument.kind() == InstrumentDefinition.Kind.LICENSED;
        if (licensed && !licenceHeld) {
            throw new LicenceNotConfirmed(slug);
        }
        if (catalog.currentInstruments().stream().anyMatch(v -> v.getSlug().equals(slug))) {
            throw new StudioService.SlugRefused(StudioService.SlugRefused.Reason.SHARED, slug);
        }
        return StudioService.row(store.publish(draft, author, instrument.title(), licensed ? LICENCE_HELD : null));
    }

    /** Every published version of the school's instrument, newest first. */
    public List<StudioService.VersionRow> history(Account author, String slug) {
        School school = StudioService.requireAuthor(author);
        return store.versions(school, KIND, slug).stream().map(StudioService::row).toList();
    }

    /** The studio's trail for one instrument, newest first. */
    public List<StudioEvent> trail(Account author, String slug) {
        return store.trail(StudioService.requireAuthor(author), KIND, slug);
    }

    private ModuleDraft draft(Account author, String slug) {
        return store.draft(StudioService.requireAuthor(author), KIND, slug)
                .orElseThrow(() -> new NotFoundException("instrument draft " + slug));
    }

    private void requireFreeSlug(School school, String slug) {
        StudioService.requireWellFormed(slug);
        if (catalog.currentInstruments().stream().anyMatch(v -> v.getSlug().equals(slug))) {
            throw new StudioService.SlugRefused(StudioService.SlugRefused.Reason.SHARED, slug);
        }
        if (store.draft(school, KIND, slug).isPresent() || !store.versions(school, KIND, slug).isEmpty()) {
            throw new StudioService.SlugRefused(StudioService.SlugRefused.Reason.TAKEN, slug);
        }
    }

    private static StudioService.Draft view(ModuleDraft d) {
        return new StudioService.Draft(d.getSlug(), d.getSource(), d.getRevision(), d.getOrigin(),
                d.getUpdatedBy() == null ? null : d.getUpdatedBy().getDisplayName(), d.getUpdatedAt(),
                new StudioService.Check(parse(d.getSlug(), d.getSource()).problems(), List.of()));
    }

    /** Whether the text parses (for the editor's preview). */
    public static Optional<InstrumentDefinition> definition(String slug, String source) {
        return parse(slug, source).definition();
    }
}
