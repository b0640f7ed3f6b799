package org.securebase.web.studio;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.securebase.application.CurrentUser;
import org.securebase.application.studio.StudioService;
import org.securebase.domain.account.Account;
import org.securebase.web.util.Bundle;

/** /admin/authors.xhtml: the school's tutors, and the author right each holds, granted or withdrawn here. */
@Named
@RequestScoped
public class AuthorsBacking {

    @Inject
    private StudioService studio;

    @Inject
    private CurrentUser currentUser;

    private List<Account> tutors;

    @PostConstruct
    void load() {
        tutors = studio.tutors(currentUser.require());
    }

    public String grant(long tutorId, boolean granted) {
        studio.grantAuthor(currentUser.require(), tutorId, granted);
        Bundle.info(granted ? "studio.authors.granted" : "studio.authors.withdrawn");
        tutors = studio.tutors(currentUser.require());
        return null;
    }

    public List<Account> getTutors() {
        return tutors;
    }
}
