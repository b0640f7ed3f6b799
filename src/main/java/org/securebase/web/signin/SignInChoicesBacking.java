package org.securebase.web.signin;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.securebase.application.signin.ProviderChoice;
import org.securebase.application.signin.SignInProviderService;

/** The login page's "Sign in with …" buttons: one per school that registered an OpenID Connect provider. */
@Named
@RequestScoped
public class SignInChoicesBacking {

    @Inject
    private SignInProviderService providers;

    private List<ProviderChoice> choices;

    @PostConstruct
    void load() {
        choices = providers.choices();
    }

    public List<ProviderChoice> getChoices() {
        return choices;
    }
}
