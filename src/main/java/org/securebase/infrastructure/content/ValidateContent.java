package org.securebase.infrastructure.content;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code scripts/validate-content [DIR...]}: checks content folders without starting a server. Prints one line
 * per valid module (with the ways through it: {@code the-racing-heart: 1 path, 4 stages}), instrument and
 * curriculum, and every problem as {@code file:line: problem}; exits 1 on any.
 */
public final class ValidateContent {

    private ValidateContent() {
    }

    public static void main(String[] args) {
        List<Path> folders = args.length == 0 ? List.of(Path.of("content"))
                : List.of(args).stream().map(Path::of).toList();
        System.exit(run(folders, System.out, System.err));
    }

    static int run(List<Path> folders, PrintStream out, PrintStream err) {
        ContentFolder.Scan scan = ContentFolder.scan(folders);
        for (ContentFolder.LoadedModule m : scan.modules()) {
            out.printf("ok  %-40s pattern=%-28s consultations=%d prompts=%d%n", m.definition().slug(),
                    m.definition().patternCodes(), m.definition().stages().size(), m.definition().prompts().size());
            out.printf("    %s: %s%n", m.definition().slug(), CaseGraph.summary(m.definition()));
        }
        for (var i : scan.instruments().stream().map(ContentFolder.LoadedInstrument::definition).toList()) {
            out.printf("ok  %-40s instrument items=%d subscales=%d%s%n", i.slug(), i.items().size(),
                    i.subscales().size(), i.classification() == null ? "" : " classification");
        }
        for (var c : scan.curricula()) {
            out.printf("ok  %-40s curriculum modules=%d milestones=%d%n", c.slug(), c.moduleSlugs().size(),
                    c.milestones().size());
        }
        for (var r : scan.rubrics()) {
            out.printf("ok  %-40s rubric levels=%d criteria=%d%n", r.slug(), r.levels().size(), r.criteria().size());
        }
        for (var t : scan.translations()) {
            out.printf("ok  %-40s translation (%s) of %s, same structure%n", t.slug() + "." + t.language(),
                    t.language(), t.kind());
        }
        scan.problems().forEach(p -> err.println("ERROR " + p));
        out.printf("%d valid module(s), %d instrument(s), %d curriculum(s), %d rubric(s), %d translation(s), "
                + "%d problem(s)%n", scan.modules().size(), scan.instruments().size(), scan.curricula().size(),
                scan.rubrics().size(), scan.translations().size(), scan.problems().size());
        return scan.problems().isEmpty() ? 0 : 1;
    }
}
