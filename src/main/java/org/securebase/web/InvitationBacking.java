package org.securebase.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.Param;
import org.securebase.application.InvitationService;
import org.securebase.domain.BusinessException;
import org.securebase.domain.account.Account;
import org.securebase.web.util.Bundle;

/** /invitation.xhtml?token=: a new member sets their password through their one-time link. */
@Named
@RequestScoped
public class InvitationBacking {

    @Inject
    private InvitationService invitations;

    @Inject
    @Param(name = "token")
    private String token;

    private Account account;
    private String problem;
    private String password;
    private String confirm;

    @PostConstruct
    void load() {
        try {
            account = invitations.check(token);
        } catch (BusinessException e) {
            problem = e.messageKey();
        }
    }

    public String accept() {
        if (password == null || !password.equals(confirm)) {
            Bundle.error("invitation.mismatch");
            return null;
        }
        try {
            invitations.accept(token, password.toCharArray());
            return "/login?faces-redirect=true&invited=true";
        } catch (BusinessException e) {
            Bundle.error(e.messageKey(), InvitationService.PASSWORD_MIN);
            return null;
        }
    }

    public Account getAccount() {
        return account;
    }

    public String getProblem() {
        return problem;
    }

    public String getToken() {
        return token;
    }

    public int getPasswordMin() {
        return InvitationService.PASSWORD_MIN;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getConfirm() {
        return confirm;
    }

    public void setConfirm(String confirm) {
        this.confirm = confirm;
    }

    public String reason() {
        return problem == null ? "" : Bundle.text(problem);
    }
}
