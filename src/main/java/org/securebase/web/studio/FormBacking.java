package org.securebase.web.studio;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.omnifaces.util.Faces;
import org.primefaces.PrimeFaces;
import org.securebase.application.CurrentUser;
import org.securebase.application.studio.StudioService;
import org.securebase.domain.NotFoundException;
import org.securebase.domain.module.DraftConflict;
import org.securebase.domain.module.ModuleDefinition;
import org.securebase.domain.module.Pattern;
import org.securebase.domain.module.Stance;
import org.securebase.infrastructure.content.ContentProblem;
import org.securebase.infrastructure.content.Markdown;
import org.securebase.infrastructure.content.ModuleForm;
import org.securebase.web.util.Bundle;
import org.securebase.web.util.Times;

/**
 * /studio/form.xhtml?module=slug: the structured editor. The draft's file is read into fields; every change is
 * written back as the file and saved on the revision last seen (as the file editor does), so the validator's
 * problems come back with it and are shown beside the fields they concern. A save made after someone else's is
 * refused and the author chooses: load theirs, or keep theirs aside and save this one over it.
 */
@Named
@ViewScoped
public class FormBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient StudioService studio;

    @Inject
    private transient CurrentUser currentUser;

    private String slug;
    private boolean found;
    private ModuleForm form;
    private List<ModuleForm.Refusal> refusals = List.of();
    private long revision;
    private String saved;
    private Instant savedAt;
    private List<ContentProblem> problems = List.of();
    private List<String> cues = List.of();
    private Map<String, List<String>> byField = Map.of();
    private List<ContentProblem> unplaced = List.of();
    private String conflictBy;
    private Instant conflictAt;
    private long conflictRevision;
    private List<ContentProblem> refused = List.of();

    @PostConstruct
    void load() {
        slug = Faces.getRequestParameter("module");
        if (slug == null || slug.isBlank()) {
            return;
        }
        try {
            show(studio.open(currentUser.require(), slug));
            found = true;
        } catch (NotFoundException e) {
            // verify() answers 404.
        }
    }

    public void verify() {
        if (!found) {
            Faces.responseSendError(404, "not found");
        }
    }

    private void show(StudioService.Draft draft) {
        ModuleForm.Read read = ModuleForm.read(draft.source());
        form = read.form();
        refusals = read.refusals();
        accept(draft);
    }

    private void accept(StudioService.Draft draft) {
        revision = draft.revision();
        saved = draft.source();
        savedAt = draft.savedAt();
        problems = draft.check().problems();
        cues = draft.check().cues().stream()
                .map(c -> Bundle.text("studio.js.stage") + " " + c.stageNumber() + ": " + c.message()).toList();
        Map<Integer, String> lines = ModuleForm.fieldsByLine(draft.source());
        Map<String, List<String>> placed = new LinkedHashMap<>();
        List<ContentProblem> rest = new ArrayList<>();
        for (ContentProblem p : problems) {
            ModuleForm.fieldAt(lines, p.line()).ifPresentOrElse(
                    f -> placed.computeIfAbsent(f, k -> new ArrayList<>()).add(p.message()), () -> rest.add(p));
        }
        byField = placed;
        unplaced = rest;
        conflictBy = null;
    }

    /** Writes the fields back as the file and saves it, unless nothing changed. */
    public void save() {
        if (form == null) {
            return;
        }
        String source = form.toYaml();
        if (source.equals(saved) && conflictBy == null) {
            return;
        }
        try {
            accept(studio.save(currentUser.require(), slug, source, revision));
        } catch (DraftConflict e) {
            conflictBy = e.savedBy() == null ? "?" : e.savedBy();
            conflictAt = e.savedAt();
            conflictRevision = e.storedRevision();
        }
    }

    /** After a conflict: the other author's draft replaces what this page shows. */
    public void useTheirs() {
        show(studio.open(currentUser.require(), slug));
    }

    /** After a conflict: this page's fields are saved over the other author's draft, on purpose. */
    public void keepMine() {
        revision = conflictRevision;
        conflictBy = null;
        save();
    }

    public void addStage(int at) {
        form.addStage(at);
        changed("st:" + Math.min(at, form.getStages().size() - 1) + ":title");
    }

    public void moveStage(int index, int by) {
        if (form.moveStage(index, by)) {
            changed("st:" + (index + by) + ":" + (by < 0 ? "up" : "down"));
        }
    }

    public void removeStage(int index) {
        form.removeStage(index);
        changed("add-stage");
    }

    public void addOption(int stage) {
        form.addOption(stage);
        changed("st:" + stage + ":op:" + (form.getStages().get(stage).getOptions().size() - 1) + ":text");
    }

    public void moveOption(int stage, int index, int by) {
        if (form.moveOption(stage, index, by)) {
            changed("st:" + stage + ":op:" + (index + by) + ":" + (by < 0 ? "up" : "down"));
        }
    }

    public void removeOption(int stage, int index) {
        form.removeOption(stage, index);
        changed("st:" + stage + ":add-option");
    }

    public void addPrompt() {
        form.addPrompt();
        changed("pr:" + (form.getPrompts().size() - 1) + ":text");
    }

    public void removePrompt(int index) {
        form.removePrompt(index);
        changed("add-prompt");
    }

    public void addObjective() {
        form.getObjectives().add(new ModuleForm.Line(""));
        changed("ob:" + (form.getObjectives().size() - 1) + ":text");
    }

    public void removeObjective(int index) {
        form.getObjectives().remove(index);
        changed("add-objective");
    }

    public void addReference() {
        form.getReferences().add(new ModuleForm.Line(""));
        changed("rf:" + (form.getReferences().size() - 1) + ":text");
    }

    public void removeReference(int index) {
        form.getReferences().remove(index);
        changed("add-reference");
    }

    /** Saves a change of shape and puts the keyboard focus where the author will go on. */
    private void changed(String focus) {
        save();
        PrimeFaces.current().focus("f:" + focus);
    }

    public String publish() {
        save();
        if (conflictBy != null) {
            return null;
        }
        try {
            StudioService.VersionRow published = studio.publish(currentUser.require(), slug, revision);
            Faces.getFlash().setKeepMessages(true);
            Bundle.info("studio.published", slug, published.number());
            return "/studio/history?faces-redirect=true&module=" + slug;
        } catch (StudioService.PublishRefused e) {
            refused = e.problems();
            Bundle.error("studio.publish.refused", e.problems().size());
        } catch (DraftConflict e) {
            Bundle.error("studio.conflict", e.savedBy() == null ? "?" : e.savedBy(), Times.when(e.savedAt()));
        } catch (StudioService.SlugRefused e) {
            Bundle.error("studio.slug.shared", slug);
        }
        return null;
    }

    /** The problems the validator found in a field ({@code stages.0.body}). */
    public List<String> problemsAt(String field) {
        return byField.getOrDefault(field, List.of());
    }

    /** The problems of a field and every field inside it (a stage, an option). */
    public int problemsWithin(String field) {
        return byField.entrySet().stream().filter(e -> e.getKey().equals(field) || e.getKey().startsWith(field + "."))
                .mapToInt(e -> e.getValue().size()).sum();
    }

    /** The problem list's links: each problem with the id of the field it is shown beside. */
    public record Placed(String anchor, String message) {
    }

    public List<Placed> getPlacedProblems() {
        List<Placed> all = new ArrayList<>();
        byField.forEach((f, ms) -> ms.forEach(m -> all.add(new Placed("field-" + dashed(f), m))));
        return all;
    }

    /** A field's path as an id part: {@code stages.0.body} becomes {@code stages-0-body}. */
    public String dashed(String field) {
        return field == null ? "" : field.replace('.', '-');
    }

    public String html(String markdown) {
        return Markdown.toHtml(markdown);
    }

    public PathMap getPathMap() {
        return form == null ? null : PathMap.of(form);
    }

    public List<String> getPatternCodes() {
        return Arrays.stream(Pattern.values()).map(Pattern::code).toList();
    }

    public List<String> getThemeCodes() {
        return ModuleDefinition.THEMES;
    }

    public List<String> getStanceCodes() {
        return Arrays.stream(Stance.values()).map(Stance::code).toList();
    }

    /** The option letter A, B, ... of a position. */
    public String letter(int index) {
        return String.valueOf((char) ('A' + index));
    }

    public String getSlug() {
        return slug;
    }

    public ModuleForm getForm() {
        return form;
    }

    public List<ModuleForm.Refusal> getRefusals() {
        return refusals;
    }

    public long getRevision() {
        return revision;
    }

    public List<ContentProblem> getProblems() {
        return problems;
    }

    public List<ContentProblem> getUnplaced() {
        return unplaced;
    }

    public List<String> getCues() {
        return cues;
    }

    public List<ContentProblem> getRefused() {
        return refused;
    }

    public String getConflictBy() {
        return conflictBy;
    }

    /** "Sam saved this draft at ..., after the version you were editing": the conflict alert's text. */
    public String getConflictMessage() {
        return conflictBy == null ? "" : Bundle.text("studio.form.conflict", conflictBy, Times.when(conflictAt));
    }

    /** The problems by field as JSON, for js/studio-form.js to put beside the fields after a save. */
    public String getProblemsJson() {
        jakarta.json.JsonObjectBuilder json = jakarta.json.Json.createObjectBuilder();
        byField.forEach((f, ms) -> json.add(f, jakarta.json.Json.createArrayBuilder(ms)));
        return json.build().toString();
    }

    public String getSavedAt() {
        return savedAt == null ? "" : Times.when(savedAt);
    }
}
