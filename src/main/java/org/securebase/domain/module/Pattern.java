package org.securebase.domain.module;

import java.util.Arrays;
import java.util.Optional;

/** Attachment patterns a case module can be about; the names are the ones used in content files. */
public enum Pattern {
    HYPERACTIVATING("hyperactivating"),
    DEACTIVATING("deactivating"),
    DISORGANISED("disorganised"),
    SECURE("secure");

    private final String code;

    Pattern(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Pattern> fromCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }
}
