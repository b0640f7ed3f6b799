package org.securebase.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.omnifaces.util.Faces;

/**
 * Error pages' status: the container answers an exception with 500, but a page that expired is the browser's
 * old form, not a fault of the server.
 */
@Named
@RequestScoped
public class ErrorPageBacking {

    public void expired() {
        Faces.setResponseStatus(400);
    }
}
