package org.securebase.web.util;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.omnifaces.util.Faces;

/**
 * The addresses of a case walked through without recording anything (a student's replay, an author's preview):
 * the same page with one more choice, or with fewer. The choices live in the address ({@code choices=1,0}).
 * The include {@code WEB-INF/includes/case-walk.xhtml} takes one as its {@code walker}.
 *
 * @param page the page, from the application's root ({@code /student/replay.xhtml})
 * @param slug the module
 * @param choices the choices made so far, an option per stage with a question
 */
public record CaseWalker(String page, String slug, List<Integer> choices) {

    /** At most this many choices are read from an address: no module has more stages. */
    public static final int MAX_CHOICES = 50;

    public CaseWalker {
        choices = List.copyOf(choices);
    }

    /** The choices in the address, as far as they are numbers: "1,0,x,2" reads as 1, 0. */
    public static List<Integer> parse(String choices) {
        List<Integer> parsed = new ArrayList<>();
        if (choices == null || choices.isBlank()) {
            return parsed;
        }
        for (String part : choices.split(",", MAX_CHOICES + 1)) {
            if (parsed.size() >= MAX_CHOICES || !part.strip().matches("\\d{1,2}")) {
                break;
            }
            parsed.add(Integer.parseInt(part.strip()));
        }
        return parsed;
    }

    /** The address with one more choice. */
    public String with(int option) {
        List<Integer> next = new ArrayList<>(choices);
        next.add(option);
        return address(next);
    }

    /** The address with only the first {@code choicesKept} choices. */
    public String upTo(int choicesKept) {
        return address(choices.subList(0, Math.min(choicesKept, choices.size())));
    }

    private String address(List<Integer> list) {
        return Faces.getRequestContextPath() + page + "?module=" + slug
                + (list.isEmpty() ? "" : "&choices=" + list.stream().map(String::valueOf)
                        .collect(Collectors.joining(",")));
    }
}
