package org.securebase.web.signin;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.omnifaces.util.Faces;

/** /signed-out.xhtml: signed out here; the browser goes on to the provider's sign-out, which sends it back. */
@Named
@RequestScoped
public class SignedOutBacking {

    private String providerLogout;

    @PostConstruct
    void load() {
        providerLogout = ProviderLogout.takeNext(Faces.getRequest()).orElse(null);
    }

    public String getProviderLogout() {
        return providerLogout;
    }
}
