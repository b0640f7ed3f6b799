package org.securebase.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.securebase.application.ModuleStatus;
import org.securebase.domain.review.Notification;

/** Every text a page asks the bundle for exists, in every locale: no "???key???" in front of a user. */
class BundleKeysTest {

    private static final Pattern LITERAL_KEY = Pattern.compile("msg\\['([A-Za-z0-9_.]+)'\\]");

    private static Properties bundle(String suffix) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(
                Path.of("src/main/resources/org/securebase/web/messages" + suffix + ".properties"))) {
            p.load(in);
        }
        return p;
    }

    @Test
    void everyKeyUsedInAPageExists() throws IOException {
        Properties messages = bundle("");
        List<String> missing = new ArrayList<>();
        try (Stream<Path> pages = Files.walk(Path.of("src/main/webapp"))) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".xhtml")).toList()) {
                Matcher m = LITERAL_KEY.matcher(Files.readString(page));
                while (m.find()) {
                    if (!messages.containsKey(m.group(1)) && !m.group(1).endsWith(".")) {
                        missing.add(page.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void keysBuiltFromNamesExist() throws IOException {
        Properties messages = bundle("");
        for (ModuleStatus status : ModuleStatus.values()) {
            assertTrue(messages.containsKey("status." + status.name()), status::name);
        }
        for (org.securebase.domain.module.Pattern p : org.securebase.domain.module.Pattern.values()) {
            assertTrue(messages.containsKey("pattern." + p.code()), p::code);
            assertTrue(messages.containsKey("mirror.with." + p.code()), p::code);
        }
        for (org.securebase.domain.module.Stance s : org.securebase.domain.module.Stance.values()) {
            assertTrue(messages.containsKey("stance." + s.code()) && messages.containsKey("stance.verb." + s.code()),
                    s::code);
        }
        for (String theme : org.securebase.domain.module.ModuleDefinition.THEMES) {
            assertTrue(messages.containsKey("studio.form.theme." + theme), theme);
        }
        for (String code : List.of("400", "403", "404", "500", "expired")) {
            assertTrue(messages.containsKey("error." + code + ".title")
                    && messages.containsKey("error." + code + ".text"));
        }
    }

    /** MessageFormat reads a lone apostrophe as a quote and drops the placeholders after it: write '' instead. */
    @Test
    void textsWithPlaceholdersDoubleTheirApostrophes() throws IOException {
        Properties messages = bundle("");
        List<String> broken = messages.stringPropertyNames().stream().sorted()
                .filter(k -> messages.getProperty(k).matches("(?s).*\\{\\d.*")
                        && messages.getProperty(k).replace("''", "").contains("'"))
                .toList();
        assertEquals(List.of(), broken);
    }

    /** A text without placeholders is shown as written (by a page and by {@code Bundle.text}): '' would show twice. */
    @Test
    void textsWithoutPlaceholdersWriteOneApostrophe() throws IOException {
        for (String locale : List.of("", "_pt_BR")) {
            Properties messages = bundle(locale);
            List<String> doubled = messages.stringPropertyNames().stream().sorted()
                    .filter(k -> !messages.getProperty(k).matches("(?s).*\\{\\d.*")
                            && messages.getProperty(k).contains("''"))
                    .toList();
            assertEquals(List.of(), doubled, locale);
        }
    }

    /**
     * Every translated bundle has exactly the base's keys, pages' and mail's alike; the English files are empty on
     * purpose (English is the base), and Portuguese is there.
     */
    @Test
    void everyLocaleHasTheSameKeys() throws IOException {
        for (String base : List.of("web/messages", "application/mail")) {
            Path folder = Path.of("src/main/resources/org/securebase/" + base).getParent();
            String name = Path.of(base).getFileName().toString();
            TreeSet<String> english = new TreeSet<>(load(folder.resolve(name + ".properties")).stringPropertyNames());
            List<String> locales = new ArrayList<>();
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(f -> f.getFileName().toString().matches(name + "_.+\\.properties"))
                        .sorted().toList()) {
                    String locale = file.getFileName().toString().replace(name + "_", "").replace(".properties", "");
                    locales.add(locale);
                    Set<String> keys = load(file).stringPropertyNames();
                    if (locale.equals("en")) {
                        assertTrue(keys.isEmpty(), file + " stays empty: English is the base");
                    } else {
                        assertEquals(english, new TreeSet<>(keys), file::toString);
                    }
                }
            }
            assertTrue(locales.containsAll(List.of("en", "pt_BR")), base + ": " + locales);
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (var reader = Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        return p;
    }

    /** Mail texts live in the application's own bundle: one subject and body per notification, sound patterns. */
    @Test
    void everyMailHasItsTextsAndSoundPatterns() throws IOException {
        Properties mail = new Properties();
        try (InputStream in = Files.newInputStream(
                Path.of("src/main/resources/org/securebase/application/mail.properties"))) {
            mail.load(in);
        }
        for (Notification.Kind kind : Notification.Kind.values()) {
            assertTrue(
                    mail.containsKey("mail." + kind.name() + ".subject")
                            && mail.containsKey("mail." + kind.name() + ".body"),
                    kind::name);
        }
        for (String key : List.of("invitation", "signInLink")) {
            assertTrue(mail.containsKey("mail." + key + ".subject") && mail.containsKey("mail." + key + ".body"), key);
        }
        assertEquals(List.of(), mail.stringPropertyNames().stream().sorted()
                .filter(k -> mail.getProperty(k).replace("''", "").contains("'")).toList());
        assertTrue(bundle("").stringPropertyNames().stream().noneMatch(k -> k.startsWith("mail.")),
                "no mail text left in the pages' bundle");
    }
}
