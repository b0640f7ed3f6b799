package org.securebase.infrastructure.content;

/** One thing wrong in a content file, located so an author can find it: {@code file:line: message}. */
public record ContentProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
