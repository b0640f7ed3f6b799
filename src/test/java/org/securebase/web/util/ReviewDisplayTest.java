package org.securebase.web.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.securebase.domain.Fixtures;
import org.securebase.domain.account.Account;
import org.securebase.domain.reflection.Reflection;
import org.securebase.domain.review.InlineComment;
import org.securebase.domain.review.Review;

class ReviewDisplayTest {

    @Test
    void removedAndAddedWordsAreMarkedAndTheRestIsKept() {
        assertEquals("I felt <del>angry</del><ins>helpless</ins> when she left.",
                ReviewDisplay.diff("I felt angry when she left.", "I felt helpless when she left."));
        assertEquals("Same.", ReviewDisplay.diff("Same.", "Same."));
        assertEquals("<ins>New</ins>", ReviewDisplay.diff("", "New"));
        assertEquals("a &lt;b&gt;<ins> &amp; c</ins>", ReviewDisplay.diff("a <b>", "a <b> & c"));
    }

    @Test
    void commentedPassagesAreMarkedWithoutAddingTextAndOverlapsSplit() {
        var d = Fixtures.definition();
        Reflection r = new Reflection(Fixtures.student("a@x.org"), Fixtures.version(), Fixtures.T0);
        r.saveDraft(d, "seeking", "She wanted <me> to stay.", 0, Fixtures.T0);
        r.saveDraft(d, "next", "Ask about home.", 0, Fixtures.T0);
        Review review = new Review(r.submit(d, Fixtures.T0), "depth", Fixtures.T0);
        Account tutor = Fixtures.student("t@x.org");
        InlineComment a = review.comment(tutor, "seeking", 4, 15, "wanted <me>", "one", Fixtures.T0);
        InlineComment b = review.comment(tutor, "seeking", 11, 23, "<me> to stay", "two", Fixtures.T0);
        List<ReviewDisplay.CommentView> numbers = List.of(new ReviewDisplay.CommentView(null, 1, "", "", ""),
                new ReviewDisplay.CommentView(null, 2, "", "", ""));
        String html = ReviewDisplay.highlighted("She wanted <me> to stay.", List.of(a, b), numbers);
        assertEquals("She <mark data-comments=\"1\">wanted </mark><mark data-comments=\"1 2\" data-n=\"1\">&lt;me&gt;"
                + "</mark><mark data-comments=\"2\" data-n=\"2\"> to stay</mark>.", html);
        assertEquals("She wanted <me> to stay.", html.replaceAll("<[^>]+>", "").replace("&lt;", "<")
                .replace("&gt;", ">"), "the marks add no text, so offsets in the page match the answer");
    }
}
