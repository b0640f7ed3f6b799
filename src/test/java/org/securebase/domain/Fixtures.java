package org.securebase.domain;

import java.time.Instant;
import java.util.List;
import org.securebase.domain.account.Account;
import org.securebase.domain.account.Role;
import org.securebase.domain.module.ContentVersion;
import org.securebase.domain.module.ModuleDefinition;
import org.securebase.domain.module.Pattern;

/** Small domain objects for rule tests, built without a database. */
public final class Fixtures {

    public static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");

    private Fixtures() {
    }

    public static Account student(String email) {
        return new Account(email, "Test Student", Role.STUDENT, null, "hash", T0);
    }

    public static ContentVersion version() {
        return new ContentVersion(ContentVersion.MODULE, "case", 1, "abc", "A case", "case.yaml", "source", T0);
    }

    /** Two stages: the first with a question, the second without; two prompts of minimum 10 and 5. */
    public static ModuleDefinition definition() {
        var question = new ModuleDefinition.Question("Which reading?", List.of(
                new ModuleDefinition.Option("A", false, "<p>no</p>"),
                new ModuleDefinition.Option("B", true, "<p>yes</p>")));
        return new ModuleDefinition("case", "A case", List.of(Pattern.HYPERACTIVATING), List.of(), "GP", 20, "<p>s</p>",
                List.of("o"),
                List.of(new ModuleDefinition.Stage("one", "One", null, "<p>1</p>", question),
                        new ModuleDefinition.Stage("two", "Two", null, "<p>2</p>", null)),
                List.of(new ModuleDefinition.Prompt("seeking", "What?", "<p>g</p>", 10),
                        new ModuleDefinition.Prompt("next", "Next?", "<p>g</p>", 5)),
                "<p>c</p>", List.of("ref"));
    }
}
