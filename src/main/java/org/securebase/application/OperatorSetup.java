package org.securebase.application;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.securebase.domain.account.Role;

/**
 * The installation's operator, made from configuration at start (OPERATOR_EMAIL and OPERATOR_PASSWORD), never by
 * the demo data: whoever installs the WAR names the person who looks after what spans schools. An existing account
 * of that address is left as it is.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class OperatorSetup {

    private static final Logger LOG = Logger.getLogger(OperatorSetup.class.getName());

    @Inject
    private AccountService accounts;

    @Inject
    @ConfigProperty(name = "operator.email")
    private Optional<String> email;

    @Inject
    @ConfigProperty(name = "operator.password")
    private Optional<String> password;

    @PostConstruct
    void setUp() {
        if (email.filter(e -> !e.isBlank()).isEmpty()) {
            return;
        }
        if (password.filter(p -> p.length() >= 12).isEmpty()) {
            LOG.warning("OPERATOR_EMAIL is set but OPERATOR_PASSWORD is missing or shorter than 12 characters: "
                    + "no operator account made");
            return;
        }
        accounts.findByEmail(email.get()).ifPresentOrElse(existing -> {
            if (existing.getRole() != Role.OPERATOR) {
                LOG.warning("OPERATOR_EMAIL names an account that is not the operator's; it was left unchanged");
            }
        }, () -> {
            accounts.create(email.get(), "Operator", Role.OPERATOR, null, password.get().toCharArray());
            LOG.info("Operator account made for " + email.get());
        });
    }
}
