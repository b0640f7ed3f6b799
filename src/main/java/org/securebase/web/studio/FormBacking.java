package org.securebase.web.studio;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.primefaces.PrimeFaces;
import org.securebase.application.studio.StudioService;
import org.securebase.domain.module.ModuleDefinition;
import org.securebase.domain.module.Pattern;
import org.securebase.domain.module.Stance;
import org.securebase.infrastructure.content.ContentProblem;
import org.securebase.infrastructure.content.Markdown;
import org.securebase.infrastructure.content.ModuleForm;
import org.securebase.web.util.Bundle;

/**
 * /studio/form.xhtml?module=slug: the structured editor. The draft's file is read into fields; every change is
 * written back as the file and saved on the revision last seen (as the file editor does), so the validator's
 * problems come back with it and are shown beside the fields they concern. A save made after someone else's is
 * refused and the author chooses: load theirs, or keep theirs aside and save this one over it.
 */
@Named
@ViewScoped
public class FormBacking extends DraftPage {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient StudioService studio;

    private ModuleForm form;
    private List<ModuleForm.Refusal> refusals = List.of();
    private List<String> cues = List.of();
    private Map<String, List<String>> byField = Map.of();
    private List<ContentProblem> unplaced = List.of();
    private List<ContentProblem> refused = List.of();

    @PostConstruct
    void init() {
        load("module");
    }

    @Override
    StudioService.Draft open(String slug) {
        return studio.open(currentUser.require(), slug);
    }

    @Override
    StudioService.Draft store(String slug, String source, long revision) {
        return studio.save(currentUser.require(), slug, source, revision);
    }

    @Override
    void show(StudioService.Draft draft) {
        ModuleForm.Read read = ModuleForm.read(draft.source());
        form = read.form();
        refusals = read.refusals();
        accept(draft);
    }

    @Override
    void accept(StudioService.Draft draft) {
        super.accept(draft);
        cues = draft.check().cues().stream()
                .map(c -> Bundle.text("studio.js.stage") + " " + c.stageNumber() + ": " + c.message(Bundle.locale()))
                .toList();
        Map<Integer, String> lines = ModuleForm.fieldsByLine(draft.source());
        Map<String, List<String>> placed = new LinkedHashMap<>();
        List<ContentProblem> rest = new ArrayList<>();
        for (ContentProblem p : getProblems()) {
            ModuleForm.fieldAt(lines, p.line()).ifPresentOrElse(
                    f -> placed.computeIfAbsent(f, k -> new ArrayList<>()).add(p.message(Bundle.locale())),
                    () -> rest.add(p));
        }
        byField = placed;
        unplaced = rest;
    }

    /** Writes the fields back as the file and saves it, unless nothing changed. */
    @Override
    public void save() {
        if (form != null) {
            saveText(form.toYaml());
        }
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
        try {
            return publishWith(revision -> studio.publish(currentUser.require(), getSlug(), revision),
                    "studio.published", "/studio/history?faces-redirect=true&module=" + getSlug());
        } catch (StudioService.SlugRefused e) {
            Bundle.error("studio.slug.shared", getSlug());
            return null;
        }
    }

    @Override
    void refused(List<ContentProblem> problems) {
        refused = problems;
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

    public ModuleForm getForm() {
        return form;
    }

    public List<ModuleForm.Refusal> getRefusals() {
        return refusals;
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

    /** "Sam saved this draft at ..., after the version you were editing": the conflict alert's text. */
    public String getConflictMessage() {
        return conflictMessage("studio.form.conflict");
    }

    /** The problems by field as JSON, for js/studio-form.js to put beside the fields after a save. */
    public String getProblemsJson() {
        jakarta.json.JsonObjectBuilder json = jakarta.json.Json.createObjectBuilder();
        byField.forEach((f, ms) -> json.add(f, jakarta.json.Json.createArrayBuilder(ms)));
        return json.build().toString();
    }
}
