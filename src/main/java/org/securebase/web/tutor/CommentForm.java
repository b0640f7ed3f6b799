package org.securebase.web.tutor;

import java.io.Serializable;

/**
 * The inline comment being written: the passage (prompt and offsets, or typed words for keyboard users) and the
 * text. Cleared once the comment is saved; kept on screen when it is refused.
 */
public class CommentForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String prompt;
    private int start = -1;
    private int end = -1;
    private String quote;
    private String text;

    void clear() {
        text = null;
        quote = null;
        start = -1;
        end = -1;
    }

    public String getPrompt() {
        return prompt;
    }

    public void setPrompt(String prompt) {
        this.prompt = prompt;
    }

    public int getStart() {
        return start;
    }

    public void setStart(int start) {
        this.start = start;
    }

    public int getEnd() {
        return end;
    }

    public void setEnd(int end) {
        this.end = end;
    }

    public String getQuote() {
        return quote;
    }

    public void setQuote(String quote) {
        this.quote = quote;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }
}
