package org.securebase.infrastructure.content;

import java.io.Serializable;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * One thing wrong in a content file, located so an author can find it: {@code file:line: message}. The message is
 * a key of {@code problems.properties} with its arguments, so the studio shows it in the reader's language while
 * {@code scripts/validate-content} and the logs print it in English ({@link #message()}, {@link #toString()}).
 */
public record ContentProblem(String file, int line, String key, List<Serializable> args) implements Serializable {

    static final String BUNDLE = "org.securebase.infrastructure.content.problems";

    /** A word of the bundle used as an argument ("item", "prompt"), so that it is translated with the message. */
    public record Term(String key) implements Serializable {
    }

    public ContentProblem {
        args = List.copyOf(args);
    }

    public ContentProblem(String file, int line, String key, Object... args) {
        this(file, line, key, Arrays.stream(args).map(ContentProblem::serializable).toList());
    }

    /** A problem whose text is already made (an I/O error's own message, a text translated by the caller). */
    public static ContentProblem text(String file, int line, String text) {
        return new ContentProblem(file, line, "text", text);
    }

    /** The message in English, as the command line and the logs print it. */
    public String message() {
        return message(Locale.ROOT);
    }

    /** The message in the given language, English where the bundle has no translation. */
    public String message(Locale locale) {
        ResourceBundle bundle = bundle(locale);
        Object[] values = args.stream().map(a -> a instanceof Term t ? lookup(bundle, t.key()) : a).toArray();
        return new MessageFormat(lookup(bundle, key), bundle.getLocale()).format(values);
    }

    static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale == null ? Locale.ROOT : locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static String lookup(ResourceBundle bundle, String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    /** Terms stay terms; everything else as written (numbers too: "20000", as the file's own limits read). */
    private static Serializable serializable(Object arg) {
        return arg instanceof Term term ? term : String.valueOf(arg);
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message() : file + ": " + message();
    }
}
