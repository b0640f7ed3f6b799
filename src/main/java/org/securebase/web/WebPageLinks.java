package org.securebase.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.securebase.application.PageLinks;

/** Where the pages that mail links to live, under this installation's public address (APP_URL). */
@ApplicationScoped
public class WebPageLinks implements PageLinks {

    @Inject
    @ConfigProperty(name = "app.url", defaultValue = "http://localhost:8080")
    private String appUrl;

    private String at(String path) {
        return appUrl.replaceAll("/$", "") + path;
    }

    @Override
    public String reflection(long reflectionId) {
        return at("/student/reflection.xhtml?id=" + reflectionId);
    }

    @Override
    public String review(long reflectionId) {
        return at("/tutor/review.xhtml?id=" + reflectionId);
    }

    @Override
    public String balintSession(long sessionId) {
        return at("/balint/session.xhtml?id=" + sessionId);
    }

    @Override
    public String invitation(String token) {
        return at("/invitation.xhtml?token=" + token);
    }

    /** The public page where anyone given a portfolio PDF checks its code (not in the port: no mail links to it). */
    public String verification(String code) {
        return at("/verify.xhtml?code=" + code);
    }

    @Override
    public String signInLink(String token) {
        return at("/signin-link.xhtml?token=" + token);
    }

    @Override
    public String absolute(String path) {
        return at(path);
    }
}
