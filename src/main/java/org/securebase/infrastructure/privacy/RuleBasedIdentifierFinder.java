package org.securebase.infrastructure.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.securebase.application.privacy.IdentifierFinder;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Finds likely identifiers with the rules of {@code identifier-rules.yaml}, loaded once: regular expressions (with a
 * check digit where the identifier has one) and name heuristics. A name is a listed first name (with the surname
 * after it), a capitalised word after a title ("Mrs Jones", "Dona Maria") or a cue ("called", "chamada"), or two
 * capitalised words together in mid-sentence that are not on the list of known non-names (eponyms such as Balint and
 * Bowlby, guidance bodies, days, months, drugs). A single unknown capitalised word, a word at the start of a
 * sentence and an all-capitals abbreviation (NICE, NHS) are not names by themselves.
 */
@ApplicationScoped
public class RuleBasedIdentifierFinder implements IdentifierFinder {

    static final String RULES = "/org/securebase/infrastructure/privacy/identifier-rules.yaml";

    private static final Pattern WORD = Pattern.compile("\\p{L}+(?:['’-]\\p{L}+)*");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\u00a0]+");
    private static final Pattern TITLE_GAP = Pattern.compile("\\.?[ \\t\\u00a0]+");
    private static final int MAX_NAME_WORDS = 4;
    private static final int CUE_WINDOW = 40;

    private record Rule(Kind kind, Pattern regex, String check, Pattern dateOfBirthCue) {
    }

    private record Token(int start, int end, String text) {
    }

    private final List<Rule> rules;
    private final Set<String> titles;
    private final Set<String> cues;
    private final Set<String> particles;
    private final Set<String> placePrefixes;
    private final Set<String> firstNames;
    private final Set<String> ambiguous;
    private final Set<String> notNames;

    public RuleBasedIdentifierFinder() {
        Map<String, Object> root = load();
        List<Rule> list = new ArrayList<>();
        for (Object o : (List<?>) root.get("patterns")) {
            Map<?, ?> m = (Map<?, ?>) o;
            String cue = (String) m.get("dateOfBirthCue");
            list.add(new Rule(Kind.valueOf((String) m.get("kind")), Pattern.compile((String) m.get("regex")),
                    (String) m.get("check"), cue == null ? null : Pattern.compile(cue)));
        }
        rules = List.copyOf(list);
        Map<?, ?> names = (Map<?, ?>) root.get("names");
        titles = words(names, "titles", false);
        cues = words(names, "cues", true);
        particles = words(names, "particles", false);
        placePrefixes = words(names, "placePrefixes", false);
        firstNames = words(names, "firstNames", false);
        ambiguous = words(names, "ambiguousFirstNames", false);
        notNames = words(names, "notNames", false);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load() {
        try (InputStream in = RuleBasedIdentifierFinder.class.getResourceAsStream(RULES)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RULES);
            }
            return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> words(Map<?, ?> names, String key, boolean lowerCase) {
        Set<String> set = new HashSet<>();
        for (Object o : (List<?>) names.get(key)) {
            String s = String.valueOf(o);
            set.add(lowerCase ? s.toLowerCase(Locale.ROOT) : s);
        }
        return Set.copyOf(set);
    }

    @Override
    public List<Identifier> find(String text) {
        List<Identifier> found = new ArrayList<>();
        for (Rule rule : rules) {
            Matcher m = rule.regex().matcher(text);
            while (m.find()) {
                if (rule.check() != null && !CheckDigits.passes(rule.check(), m.group().replaceAll("\\D", ""))) {
                    continue;
                }
                Kind kind = rule.kind();
                if (rule.dateOfBirthCue() != null && rule.dateOfBirthCue()
                        .matcher(text.substring(Math.max(0, m.start() - CUE_WINDOW), m.start())).find()) {
                    kind = Kind.DATE_OF_BIRTH;
                }
                add(found, new Identifier(kind, m.start(), m.end(), m.group()));
            }
        }
        names(text).forEach(n -> add(found, n));
        found.sort(Comparator.comparingInt(Identifier::start));
        return List.copyOf(found);
    }

    /** Adds a flag unless it overlaps one found by an earlier rule. */
    private static void add(List<Identifier> found, Identifier candidate) {
        if (found.stream().noneMatch(f -> f.start() < candidate.end() && candidate.start() < f.end())) {
            found.add(candidate);
        }
    }

    private List<Identifier> names(String text) {
        List<Token> tokens = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            int end = m.end();
            String word = m.group();
            if (word.length() > 3 && (word.endsWith("'s") || word.endsWith("’s"))) {
                end -= 2;
                word = word.substring(0, word.length() - 2);
            }
            tokens.add(new Token(m.start(), end, word));
        }
        List<Identifier> names = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            int last = -1;
            int first = i;
            if (titles.contains(t.text()) && i + 1 < tokens.size() && gap(text, t, tokens.get(i + 1), TITLE_GAP)
                    && surname(tokens.get(i + 1))) {
                last = run(text, tokens, i + 1);
            } else if (!capitalised(t) || notNames.contains(t.text()) || placePrefixes.contains(t.text())) {
                continue;
            } else if (i > 0 && cues.contains(tokens.get(i - 1).text().toLowerCase(Locale.ROOT))
                    && gap(text, tokens.get(i - 1), t, SPACES)) {
                last = run(text, tokens, i);
            } else if (firstNames.contains(t.text())
                    && !(i > 0 && placePrefixes.contains(tokens.get(i - 1).text())
                            && gap(text, tokens.get(i - 1), t, SPACES))) {
                last = run(text, tokens, i);
            } else if (followedBySurname(text, tokens, i)
                    && (ambiguous.contains(t.text()) || !sentenceStart(text, t.start()))) {
                last = run(text, tokens, i);
            }
            if (last >= 0) {
                Token from = tokens.get(first);
                Token to = tokens.get(last);
                names.add(new Identifier(Kind.NAME, from.start(), to.end(), text.substring(from.start(), to.end())));
                i = last;
            }
        }
        return names;
    }

    /** The index of the last word of the name that starts at {@code i}: surnames and particles after it. */
    private int run(String text, List<Token> tokens, int i) {
        int last = i;
        int j = i + 1;
        while (j < tokens.size() && j - i < MAX_NAME_WORDS && gap(text, tokens.get(j - 1), tokens.get(j), SPACES)) {
            Token next = tokens.get(j);
            if (surname(next)) {
                last = j;
                j++;
            } else if (particles.contains(next.text()) && j + 1 < tokens.size()
                    && gap(text, next, tokens.get(j + 1), SPACES) && surname(tokens.get(j + 1))) {
                last = j + 1;
                j += 2;
            } else {
                break;
            }
        }
        return last;
    }

    private boolean followedBySurname(String text, List<Token> tokens, int i) {
        return i + 1 < tokens.size() && gap(text, tokens.get(i), tokens.get(i + 1), SPACES)
                && surname(tokens.get(i + 1));
    }

    private boolean surname(Token t) {
        return capitalised(t) && !notNames.contains(t.text()) && !titles.contains(t.text());
    }

    /** Starts with a capital and is not all capitals (NICE, NHS, GP are abbreviations, not names). */
    private static boolean capitalised(Token t) {
        String s = t.text();
        return s.length() > 1 && Character.isUpperCase(s.charAt(0)) && !s.equals(s.toUpperCase(Locale.ROOT));
    }

    private static boolean gap(String text, Token a, Token b, Pattern allowed) {
        return allowed.matcher(text.substring(a.end(), b.start())).matches();
    }

    private static boolean sentenceStart(String text, int at) {
        int i = at - 1;
        while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\u00a0')) {
            i--;
        }
        return i < 0 || ".!?:;…\n\r\"“”'‘(–—-•*".indexOf(text.charAt(i)) >= 0;
    }
}
