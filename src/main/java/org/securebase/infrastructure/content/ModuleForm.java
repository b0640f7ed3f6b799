package org.securebase.infrastructure.content;

import java.io.Serializable;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * A module file as fields a clinician can fill in: the studio's structured editor edits this, and it is written
 * back as the module's file, so the file stays the one format the validator, the importer and the exchange use.
 * Reading keeps every value as written (the parser strips and renders later); writing puts the keys in the order
 * {@code content/README.md} describes, leaves out optional fields left empty, writes multi-line prose as literal
 * blocks, and keeps the file's opening comment. A stage without an id gets the id it had by position, so routes
 * keep their meaning when stages are moved.
 *
 * <p>
 * A file the form cannot show as fields (not YAML, an unknown key, a list where a value belongs) is refused with
 * the reason and its line; the author fixes it as a file first.
 */
public final class ModuleForm implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A value in a list of values (objectives, references), as a holder the form can bind to. */
    public static final class Line implements Serializable {
        private static final long serialVersionUID = 1L;
        private String text;

        public Line(String text) {
            this.text = text;
        }

        public String getText() {
            return text;
        }

        public void setText(String text) {
            this.text = text;
        }
    }

    /** One answer option of a stage's question. */
    public static final class OptionForm implements Serializable {
        private static final long serialVersionUID = 1L;
        private String text = "";
        private boolean correct;
        private String stance;
        private String feedback = "";
        private String consequence;
        private String next;
        private String commentary;

        public String getText() {
            return text;
        }

        public void setText(String text) {
            this.text = text;
        }

        public boolean isCorrect() {
            return correct;
        }

        public void setCorrect(boolean correct) {
            this.correct = correct;
        }

        public String getStance() {
            return stance;
        }

        public void setStance(String stance) {
            this.stance = stance;
        }

        public String getFeedback() {
            return feedback;
        }

        public void setFeedback(String feedback) {
            this.feedback = feedback;
        }

        public String getConsequence() {
            return consequence;
        }

        public void setConsequence(String consequence) {
            this.consequence = consequence;
        }

        public String getNext() {
            return next;
        }

        public void setNext(String next) {
            this.next = next;
        }

        public String getCommentary() {
            return commentary;
        }

        public void setCommentary(String commentary) {
            this.commentary = commentary;
        }
    }

    /** One stage (consultation) of the case. */
    public static final class StageForm implements Serializable {
        private static final long serialVersionUID = 1L;
        private String id = "";
        private String title = "";
        private String when;
        private String body = "";
        private boolean asks;
        private String question = "";
        private final List<OptionForm> options = new ArrayList<>();
        private String next;
        private boolean ending;

        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title;
        }

        public String getWhen() {
            return when;
        }

        public void setWhen(String when) {
            this.when = when;
        }

        public String getBody() {
            return body;
        }

        public void setBody(String body) {
            this.body = body;
        }

        /** Whether the stage asks a question (with options); a stage without one only tells. */
        public boolean isAsks() {
            return asks;
        }

        public void setAsks(boolean asks) {
            this.asks = asks;
        }

        public String getQuestion() {
            return question;
        }

        public void setQuestion(String question) {
            this.question = question;
        }

        public List<OptionForm> getOptions() {
            return options;
        }

        public String getNext() {
            return next;
        }

        public void setNext(String next) {
            this.next = next;
        }

        public boolean isEnding() {
            return ending;
        }

        public void setEnding(boolean ending) {
            this.ending = ending;
        }
    }

    /** One reflective prompt. */
    public static final class PromptForm implements Serializable {
        private static final long serialVersionUID = 1L;
        private String id = "";
        private String text = "";
        private String guidance = "";
        private String minLength = "150";

        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public String getText() {
            return text;
        }

        public void setText(String text) {
            this.text = text;
        }

        public String getGuidance() {
            return guidance;
        }

        public void setGuidance(String guidance) {
            this.guidance = guidance;
        }

        public String getMinLength() {
            return minLength;
        }

        public void setMinLength(String minLength) {
            this.minLength = minLength;
        }
    }

    /** Why a file cannot be shown as fields, at its line (0 when the whole file). */
    public record Refusal(int line, String key, String arg) implements java.io.Serializable {

        Refusal(int line, String key) {
            this(line, key, "");
        }

        /** Why, in English. */
        public String message() {
            return message(java.util.Locale.ROOT);
        }

        public String message(java.util.Locale locale) {
            return new ContentProblem("", 0, key, arg).message(locale);
        }
    }

    /** A file read into the form, or the reasons it cannot be. */
    public record Read(ModuleForm form, List<Refusal> refusals) {
    }

    private String header = "";
    private String slug = "";
    private String title = "";
    private List<String> patterns = new ArrayList<>();
    private List<String> themes = new ArrayList<>();
    private String setting = "";
    private String estimatedMinutes = "";
    private String summary = "";
    private final List<Line> objectives = new ArrayList<>();
    private final List<StageForm> stages = new ArrayList<>();
    private final List<PromptForm> prompts = new ArrayList<>();
    private String commentary = "";
    private final List<Line> references = new ArrayList<>();

    /** Reads a module file into fields, or says why it cannot. */
    public static Read read(String source) {
        List<Refusal> refusals = new ArrayList<>();
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(source));
        } catch (YAMLException e) {
            return new Read(null, List.of(new Refusal(0, "yaml.invalid", String.valueOf(e.getMessage()))));
        }
        if (!(root instanceof MappingNode)) {
            return new Read(null, List.of(new Refusal(0, "form.notMapping")));
        }
        ModuleForm form = new ModuleForm();
        form.header = header(source);
        Reader r = new Reader(refusals);
        Map<String, Node> m = r.keys(root, "slug", "title", "patterns", "themes", "setting", "estimatedMinutes",
                "summary", "objectives", "stages", "prompts", "commentary", "references");
        form.slug = r.text(m.get("slug"), "");
        form.title = r.text(m.get("title"), "");
        form.patterns = r.values(m.get("patterns"));
        form.themes = r.values(m.get("themes"));
        form.setting = r.text(m.get("setting"), "");
        form.estimatedMinutes = r.text(m.get("estimatedMinutes"), "");
        form.summary = r.text(m.get("summary"), "");
        r.values(m.get("objectives")).forEach(o -> form.objectives.add(new Line(o)));
        int position = 0;
        for (Node item : r.items(m.get("stages"))) {
            position++;
            Map<String, Node> s = r.keys(item, "id", "title", "when", "body", "question", "next", "ending");
            StageForm stage = new StageForm();
            stage.id = r.text(s.get("id"), "stage-" + position);
            stage.title = r.text(s.get("title"), "");
            stage.when = r.text(s.get("when"), null);
            stage.body = r.text(s.get("body"), "");
            stage.next = r.text(s.get("next"), null);
            stage.ending = "true".equals(r.text(s.get("ending"), "false"));
            if (s.containsKey("question")) {
                stage.asks = true;
                Map<String, Node> q = r.keys(s.get("question"), "text", "options");
                stage.question = r.text(q.get("text"), "");
                for (Node o : r.items(q.get("options"))) {
                    Map<String, Node> v = r.keys(o, "text", "correct", "feedback", "consequence", "next", "stance",
                            "commentary");
                    OptionForm option = new OptionForm();
                    option.text = r.text(v.get("text"), "");
                    option.correct = "true".equals(r.text(v.get("correct"), "false"));
                    option.feedback = r.text(v.get("feedback"), "");
                    option.consequence = r.text(v.get("consequence"), null);
                    option.next = r.text(v.get("next"), null);
                    option.stance = r.text(v.get("stance"), null);
                    option.commentary = r.text(v.get("commentary"), null);
                    stage.options.add(option);
                }
            }
            form.stages.add(stage);
        }
        for (Node item : r.items(m.get("prompts"))) {
            Map<String, Node> p = r.keys(item, "id", "text", "guidance", "minLength");
            PromptForm prompt = new PromptForm();
            prompt.id = r.text(p.get("id"), "");
            prompt.text = r.text(p.get("text"), "");
            prompt.guidance = r.text(p.get("guidance"), "");
            prompt.minLength = r.text(p.get("minLength"), "");
            form.prompts.add(prompt);
        }
        form.commentary = r.text(m.get("commentary"), "");
        r.values(m.get("references")).forEach(v -> form.references.add(new Line(v)));
        return refusals.isEmpty() ? new Read(form, List.of()) : new Read(null, List.copyOf(refusals));
    }

    /** The comment lines (and blank lines) before the first key: the file's editorial record, kept as it is. */
    private static String header(String source) {
        StringBuilder header = new StringBuilder();
        for (String line : source.split("\n", -1)) {
            if (!line.isBlank() && !line.stripLeading().startsWith("#")) {
                break;
            }
            header.append(line).append('\n');
        }
        return header.toString().isBlank() ? "" : header.toString();
    }

    /** Reads nodes into values, noting what the form cannot hold. */
    private record Reader(List<Refusal> refusals) {

        Map<String, Node> keys(Node node, String... allowed) {
            Map<String, Node> values = new HashMap<>();
            if (node == null) {
                return values;
            }
            if (!(node instanceof MappingNode mapping)) {
                refusals.add(new Refusal(ModuleParser.line(node), "form.expectedMapping"));
                return values;
            }
            List<String> known = List.of(allowed);
            for (NodeTuple tuple : mapping.getValue()) {
                String key = tuple.getKeyNode() instanceof ScalarNode k ? k.getValue() : null;
                if (key == null || !known.contains(key)) {
                    refusals.add(new Refusal(ModuleParser.line(tuple.getKeyNode()), "form.unknownKey", key));
                } else if (values.put(key, tuple.getValueNode()) != null) {
                    refusals.add(new Refusal(ModuleParser.line(tuple.getKeyNode()), "key.twice", key));
                }
            }
            return values;
        }

        String text(Node node, String absent) {
            if (node == null) {
                return absent;
            }
            if (node instanceof ScalarNode s) {
                return s.getValue();
            }
            refusals.add(new Refusal(ModuleParser.line(node), "form.expectedValue"));
            return absent;
        }

        List<Node> items(Node node) {
            if (node == null) {
                return List.of();
            }
            if (node instanceof SequenceNode seq) {
                return seq.getValue();
            }
            refusals.add(new Refusal(ModuleParser.line(node), "form.expectedList"));
            return List.of();
        }

        List<String> values(Node node) {
            List<String> values = new ArrayList<>();
            for (Node item : items(node)) {
                values.add(text(item, ""));
            }
            return values;
        }
    }

    /** The module's file: the kept opening comment, then the fields in the format's order. */
    public String toYaml() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("slug", text(slug));
        m.put("title", text(title));
        m.put("patterns", List.copyOf(patterns));
        if (!themes.isEmpty()) {
            m.put("themes", List.copyOf(themes));
        }
        m.put("setting", text(setting));
        m.put("estimatedMinutes", number(estimatedMinutes));
        m.put("summary", text(summary));
        m.put("objectives", objectives.stream().map(l -> text(l.getText())).toList());
        List<Object> stageList = new ArrayList<>();
        for (StageForm stage : stages) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("id", text(stage.id));
            s.put("title", text(stage.title));
            optional(s, "when", stage.when);
            s.put("body", text(stage.body));
            if (stage.asks) {
                Map<String, Object> q = new LinkedHashMap<>();
                q.put("text", text(stage.question));
                List<Object> optionList = new ArrayList<>();
                for (OptionForm option : stage.options) {
                    Map<String, Object> o = new LinkedHashMap<>();
                    o.put("text", text(option.text));
                    if (option.correct) {
                        o.put("correct", true);
                    }
                    optional(o, "stance", option.stance);
                    o.put("feedback", text(option.feedback));
                    optional(o, "consequence", option.consequence);
                    optional(o, "next", option.next);
                    optional(o, "commentary", option.commentary);
                    optionList.add(o);
                }
                q.put("options", optionList);
                s.put("question", q);
            }
            optional(s, "next", stage.next);
            if (stage.ending) {
                s.put("ending", true);
            }
            stageList.add(s);
        }
        m.put("stages", stageList);
        List<Object> promptList = new ArrayList<>();
        for (PromptForm prompt : prompts) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("id", text(prompt.id));
            p.put("text", text(prompt.text));
            p.put("guidance", text(prompt.guidance));
            p.put("minLength", number(prompt.minLength));
            promptList.add(p);
        }
        m.put("prompts", promptList);
        m.put("commentary", text(commentary));
        m.put("references", references.stream().map(l -> text(l.getText())).toList());
        return header + yaml().dump(m);
    }

    /** A required text: left empty, it is written empty (never "null"), so the validator names it. */
    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static void optional(Map<String, Object> m, String key, String value) {
        if (value != null && !value.isBlank()) {
            m.put(key, value);
        }
    }

    /** A whole number as a number; anything else as written, for the validator to name. */
    private static Object number(String value) {
        String v = value == null ? "" : value.strip();
        return v.matches("\\d{1,9}") ? (Object) Integer.valueOf(v) : v;
    }

    private static Yaml yaml() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setSplitLines(false);
        options.setWidth(120);
        Representer representer = new Representer(options) {
            {
                // Prose with line breaks as a literal block (as authors write it); the rest as the emitter sees fit.
                representers.put(String.class, data -> {
                    String s = ((String) data).replace("\r\n", "\n");
                    return representScalar(Tag.STR, s, s.contains("\n") ? DumperOptions.ScalarStyle.LITERAL
                            : DumperOptions.ScalarStyle.PLAIN);
                });
            }
        };
        return new Yaml(representer, options);
    }

    /**
     * Where each field of a written file stands: a field's path ({@code title}, {@code stages.1.body},
     * {@code stages.0.question.options.2.next}, {@code objectives.0}) by the line its key (or item) starts on, so
     * a problem the validator reports at a line can be shown beside its field. Each line names the innermost field
     * starting there; a line inside a multi-line value belongs to the field above it.
     */
    public static Map<Integer, String> fieldsByLine(String source) {
        Map<Integer, String> byLine = new HashMap<>();
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(source));
        } catch (YAMLException e) {
            return byLine;
        }
        walk(root, "", byLine);
        return byLine;
    }

    private static void walk(Node node, String path, Map<Integer, String> byLine) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                String key = tuple.getKeyNode() instanceof ScalarNode k ? k.getValue() : "?";
                String child = path.isEmpty() ? key : path + "." + key;
                Node value = tuple.getValueNode();
                boolean question = "question".equals(key) && value instanceof MappingNode;
                // A question's own fields stand under the stage's, so its text is "stages.N.question.text".
                byLine.put(ModuleParser.line(tuple.getKeyNode()), question ? child + ".text" : child);
                walk(value, child, byLine);
            }
        } else if (node instanceof SequenceNode seq) {
            List<Node> items = seq.getValue();
            for (int i = 0; i < items.size(); i++) {
                String child = path + "." + i;
                byLine.putIfAbsent(ModuleParser.line(items.get(i)), child);
                walk(items.get(i), child, byLine);
            }
        }
    }

    /** The field a problem at {@code line} concerns: the innermost field starting at or above it. */
    public static Optional<String> fieldAt(Map<Integer, String> byLine, int line) {
        for (int l = line; l > 0; l--) {
            String field = byLine.get(l);
            if (field != null) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    // --- editing ---

    public StageForm addStage(int at) {
        StageForm stage = new StageForm();
        stage.id = freeId("stage-", stages.stream().map(StageForm::getId).toList());
        stages.add(Math.max(0, Math.min(at, stages.size())), stage);
        return stage;
    }

    /** Moves a stage up (-1) or down (+1); routes name ids, so they keep pointing where they did. */
    public boolean moveStage(int index, int by) {
        return move(stages, index, by);
    }

    public void removeStage(int index) {
        if (index >= 0 && index < stages.size()) {
            stages.remove(index);
        }
    }

    public void addOption(int stage) {
        StageForm s = stages.get(stage);
        s.asks = true;
        s.options.add(new OptionForm());
    }

    public boolean moveOption(int stage, int index, int by) {
        return move(stages.get(stage).options, index, by);
    }

    public void removeOption(int stage, int index) {
        List<OptionForm> options = stages.get(stage).options;
        if (index >= 0 && index < options.size()) {
            options.remove(index);
        }
    }

    public void addPrompt() {
        PromptForm prompt = new PromptForm();
        prompt.id = freeId("prompt-", prompts.stream().map(PromptForm::getId).toList());
        prompts.add(prompt);
    }

    public void removePrompt(int index) {
        if (index >= 0 && index < prompts.size()) {
            prompts.remove(index);
        }
    }

    private static <T> boolean move(List<T> list, int index, int by) {
        int to = index + by;
        if (index < 0 || index >= list.size() || to < 0 || to >= list.size()) {
            return false;
        }
        list.add(to, list.remove(index));
        return true;
    }

    private static String freeId(String prefix, List<String> taken) {
        int n = taken.size() + 1;
        while (taken.contains(prefix + n)) {
            n++;
        }
        return prefix + n;
    }

    public String getSlug() {
        return slug;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public List<String> getPatterns() {
        return patterns;
    }

    public void setPatterns(List<String> patterns) {
        this.patterns = new ArrayList<>(patterns == null ? List.of() : patterns);
    }

    public List<String> getThemes() {
        return themes;
    }

    public void setThemes(List<String> themes) {
        this.themes = new ArrayList<>(themes == null ? List.of() : themes);
    }

    public String getSetting() {
        return setting;
    }

    public void setSetting(String setting) {
        this.setting = setting;
    }

    public String getEstimatedMinutes() {
        return estimatedMinutes;
    }

    public void setEstimatedMinutes(String estimatedMinutes) {
        this.estimatedMinutes = estimatedMinutes;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public List<Line> getObjectives() {
        return objectives;
    }

    public List<StageForm> getStages() {
        return stages;
    }

    public List<PromptForm> getPrompts() {
        return prompts;
    }

    public String getCommentary() {
        return commentary;
    }

    public void setCommentary(String commentary) {
        this.commentary = commentary;
    }

    public List<Line> getReferences() {
        return references;
    }
}
