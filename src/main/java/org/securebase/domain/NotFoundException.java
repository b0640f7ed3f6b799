package org.securebase.domain;

/** The thing asked for does not exist, or the caller may not know that it does (another student's work). */
public class NotFoundException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String detail) {
        super("error.notFound", detail);
    }
}
