package org.securebase.infrastructure.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The validator speaks English and Portuguese: every message has both, with the same placeholders. */
class ProblemMessagesTest {

    private static final Locale PT_BR = Locale.forLanguageTag("pt-BR");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    private static ResourceBundle english() {
        return ContentProblem.bundle(Locale.ENGLISH);
    }

    @Test
    void everyMessageIsInBothLanguagesWithTheSamePlaceholders() {
        ResourceBundle en = english();
        ResourceBundle pt = ContentProblem.bundle(PT_BR);
        assertEquals(PT_BR, pt.getLocale(), "a Portuguese bundle exists");
        assertEquals(new TreeSet<>(en.keySet()), new TreeSet<>(pt.keySet()));
        for (String key : en.keySet()) {
            assertEquals(placeholders(en.getString(key)), placeholders(pt.getString(key)), key);
        }
    }

    /** An unescaped apostrophe would swallow an argument: every argument must appear in the text. */
    @Test
    void everyArgumentAppearsInTheFormattedText() {
        for (Locale locale : List.of(Locale.ENGLISH, PT_BR)) {
            ResourceBundle bundle = ContentProblem.bundle(locale);
            for (String key : bundle.keySet()) {
                Set<Integer> indices = placeholders(bundle.getString(key));
                Object[] args = new Object[indices.stream().mapToInt(i -> i + 1).max().orElse(0)];
                for (int i = 0; i < args.length; i++) {
                    args[i] = "ARG" + i;
                }
                String text = new ContentProblem("f.yaml", 1, key, args).message(locale);
                String expected = bundle.getString(key).replace("''", "'");
                for (int i : indices) {
                    expected = expected.replace("{" + i + "}", "ARG" + i);
                }
                assertEquals(expected, text, () -> locale + " " + key + ": a lone apostrophe is MessageFormat's quote");
            }
        }
    }

    /** Every key the parsers name is in the bundle (a missing one would show its key to an author). */
    @Test
    void everyKeyTheCodeUsesExists() throws IOException {
        Pattern literal = Pattern.compile("\"((?:term|yaml|slug|id|key|value|number|bool|list|pattern|theme|stage"
                + "|question|option|stance|prompt|curriculum|rubric|criterion|rating|instrument|scale|item|subscale"
                + "|classification|translation|case|folder|reference|file|zip|upload|cue|form)\\.[A-Za-z]+)\"");
        Set<String> used = new TreeSet<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/securebase"))) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        for (Path source : sources) {
            String text = Files.readString(source);
            if (!text.contains("ContentProblem") && !text.contains("problem(") && !text.contains("Refusal(")
                    && !text.contains("Cue(")) {
                continue;
            }
            Matcher m = literal.matcher(text);
            while (m.find()) {
                used.add(m.group(1));
            }
        }
        assertTrue(used.size() > 80, () -> "found the keys in the sources: " + used.size());
        Set<String> known = english().keySet();
        assertEquals(Set.of(), used.stream().filter(k -> !known.contains(k)).collect(Collectors.toSet()));
    }

    @Test
    void aModulesProblemsReadInEnglishAndInPortuguese() {
        String broken = """
                slug: x
                title: A case
                summary: s
                patterns: [fearful]
                objectives: [o]
                stages:
                  - title: One
                    body: b
                    next: nowhere
                """;
        List<ContentProblem> problems = ModuleParser.parse("x.yaml", "x", broken).problems();
        ContentProblem pattern = problems.stream().filter(p -> p.key().equals("pattern.unknown")).findFirst()
                .orElseThrow(() -> new AssertionError(problems.toString()));
        assertEquals("unknown pattern 'fearful'; use one of: hyperactivating, deactivating, disorganised, secure",
                pattern.message());
        assertEquals(
                "padrão desconhecido 'fearful'; use um destes: hyperactivating, deactivating, disorganised, secure",
                pattern.message(PT_BR));
        assertTrue(problems.stream().anyMatch(p -> p.message(PT_BR).equals("falta a chave obrigatória 'prompts'")),
                problems::toString);
        assertEquals("x.yaml:4: " + pattern.message(), pattern.toString(), "the command line prints English");
    }

    private static Set<Integer> placeholders(String pattern) {
        Set<Integer> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            found.add(Integer.parseInt(m.group(1)));
        }
        return found;
    }
}
