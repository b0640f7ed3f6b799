package org.securebase.api;

import jakarta.ejb.EJBException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.securebase.domain.BusinessException;
import org.securebase.domain.NotFoundException;
import org.securebase.domain.module.DraftConflict;
import org.securebase.domain.reflection.Reflection;
import org.securebase.domain.reflection.ReflectionException;

/** Turns every failure into a JSON answer with a reason code; unexpected ones are logged, never shown. */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable thrown) {
        Throwable e = unwrap(thrown);
        Map<String, Object> body = new LinkedHashMap<>();
        int status;
        if (e instanceof ReflectionException.Conflict c) {
            status = 409;
            body.put("reason", "conflict");
            body.put("text", c.currentText());
            body.put("revision", c.currentRevision());
            body.put("savedAt", c.savedAt() == null ? null : c.savedAt().toString());
        } else if (e instanceof DraftConflict c) {
            status = 409;
            body.put("reason", "conflict");
            body.put("text", c.storedText());
            body.put("revision", c.storedRevision());
            body.put("savedBy", c.savedBy());
            body.put("savedAt", c.savedAt() == null ? null : c.savedAt().toString());
        } else if (e instanceof ReflectionException.AlreadySubmitted) {
            status = 409;
            body.put("reason", "submitted");
        } else if (e instanceof ReflectionException.TooLong) {
            status = 413;
            body.put("reason", "tooLong");
            body.put("max", Reflection.TEXT_MAX);
        } else if (e instanceof ReflectionException.TooShort s) {
            status = 422;
            body.put("reason", "tooShort");
            body.put("prompts", s.promptIds());
        } else if (e instanceof NotFoundException || e instanceof ReflectionException.UnknownPrompt) {
            status = 404;
            body.put("reason", "notFound");
        } else if (e instanceof BusinessException b) {
            status = 400;
            body.put("reason", b.messageKey());
        } else if (e instanceof OptimisticLockException || e instanceof PersistenceException) {
            // Two requests raced (two tabs, a double click): nothing was written by this one; try again.
            status = 409;
            body.put("reason", "retry");
        } else if (e instanceof JsonbException || e instanceof ProcessingException
                || e instanceof JsonException) {
            status = 400;
            body.put("reason", "badRequest");
        } else if (e instanceof WebApplicationException w) {
            status = w.getResponse().getStatus();
            body.put("reason", status == 404 ? "notFound" : "badRequest");
        } else {
            LOG.log(Level.SEVERE, "Unexpected API failure", thrown);
            status = 500;
            body.put("reason", "serverError");
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }

    private static Throwable unwrap(Throwable e) {
        Throwable current = e;
        while ((current instanceof EJBException || current.getClass().getName().contains("RollbackException")
                || current.getClass().getName().startsWith("jakarta.transaction")) && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
