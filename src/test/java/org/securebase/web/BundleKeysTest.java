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

    @Test
    void everyLocaleHasTheSameKeys() throws IOException {
        TreeSet<String> english = new TreeSet<>(bundle("").stringPropertyNames());
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/org/securebase/web"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("messages_.+\\.properties"))
                    .toList()) {
                String suffix = file.getFileName().toString().replace("messages", "").replace(".properties", "");
                assertEquals(english, new TreeSet<>(bundle(suffix).stringPropertyNames()), file::toString);
            }
        }
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
