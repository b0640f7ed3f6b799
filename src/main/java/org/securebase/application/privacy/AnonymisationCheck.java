package org.securebase.application.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.securebase.domain.BusinessException;
import org.securebase.domain.account.Account;
import org.securebase.domain.reflection.Reflection;

/**
 * Flags likely identifiers in a text its author is writing (a reflection, a case for a Balint group), before it is
 * stored for good. It only advises: nothing is stored, nothing is blocked, and the author decides for each flag.
 * It answers only a signed-in person about the text they send, so it reveals nothing about anyone else's.
 */
@ApplicationScoped
public class AnonymisationCheck {

    @Inject
    private IdentifierFinder finder;

    public List<IdentifierFinder.Identifier> check(Account author, String text) {
        if (author == null) {
            throw new BusinessException("privacy.notSignedIn", "no author");
        }
        if (text == null || text.isBlank()) {
            return List.of();
        }
        if (text.length() > Reflection.TEXT_MAX) {
            throw new BusinessException("privacy.tooLong", "text of " + text.length() + " characters");
        }
        return finder.find(text);
    }
}
