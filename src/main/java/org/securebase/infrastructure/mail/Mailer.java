package org.securebase.infrastructure.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends plain-text mail through the SMTP server named by MAIL_SMTP_HOST (with MAIL_SMTP_PORT, MAIL_SMTP_USER,
 * MAIL_SMTP_PASSWORD, MAIL_SMTP_STARTTLS and MAIL_FROM). With no host configured the message is written to the log
 * instead, so a demo or a test still shows what would have been sent. It sends one message when asked and says
 * whether to try again; the queue that makes sure nothing is dropped is {@code application.MailOutbox}.
 */
@ApplicationScoped
public class Mailer {

    private static final Logger LOG = Logger.getLogger(Mailer.class.getName());

    @Inject
    @ConfigProperty(name = "mail.smtp.host")
    private Optional<String> host;

    @Inject
    @ConfigProperty(name = "mail.smtp.port", defaultValue = "587")
    private int port;

    @Inject
    @ConfigProperty(name = "mail.smtp.user")
    private Optional<String> user;

    @Inject
    @ConfigProperty(name = "mail.smtp.password")
    private Optional<String> password;

    @Inject
    @ConfigProperty(name = "mail.smtp.starttls", defaultValue = "true")
    private boolean startTls;

    @Inject
    @ConfigProperty(name = "mail.from", defaultValue = "Secure Base <no-reply@localhost>")
    private String from;

    public boolean isConfigured() {
        return host.filter(h -> !h.isBlank()).isPresent();
    }

    /** The server refused the message for good (an address it will never take). */
    public static class Refused extends Exception {

        private static final long serialVersionUID = 1L;

        public Refused(String message) {
            super(message);
        }
    }

    /** The server could not be reached or failed for now: try again later. */
    public static class Unreachable extends Exception {

        private static final long serialVersionUID = 1L;

        public Unreachable(String message) {
            super(message);
        }
    }

    /**
     * Hands one message to the SMTP server (or, without one, to the log).
     *
     * @throws Refused when the server will never take it (a malformed or rejected address)
     * @throws Unreachable when it could not be sent now
     */
    public void deliver(String to, String subject, String body) throws Refused, Unreachable {
        if (!isConfigured()) {
            LOG.info(() -> "Mail (no SMTP server configured, so logged instead)\nTo: " + to + "\nSubject: " + subject
                    + "\n\n" + body);
            return;
        }
        Properties props = new Properties();
        props.put("mail.smtp.host", host.get());
        props.put("mail.smtp.port", String.valueOf(port));
        props.put("mail.smtp.starttls.enable", String.valueOf(startTls));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "10000");
        Authenticator auth = null;
        if (user.isPresent()) {
            props.put("mail.smtp.auth", "true");
            auth = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user.get(), password.orElse(""));
                }
            };
        }
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(props, auth));
            message.setFrom(new InternetAddress(from));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
            message.setSubject(subject, "UTF-8");
            message.setText(body, "UTF-8");
            Transport.send(message);
        } catch (AddressException e) {
            throw new Refused("bad address: " + e.getMessage());
        } catch (SendFailedException e) {
            if (e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0) {
                throw new Refused("address refused: " + e.getMessage());
            }
            throw new Unreachable(e.getMessage());
        } catch (MessagingException e) {
            throw new Unreachable(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
