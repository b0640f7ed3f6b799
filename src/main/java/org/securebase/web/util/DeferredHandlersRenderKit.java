package org.securebase.web.util;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.context.ResponseWriterWrapper;
import jakarta.faces.render.RenderKit;
import jakarta.faces.render.RenderKitWrapper;
import java.io.IOException;
import java.io.Writer;

/**
 * Lets a page's scripts load deferred ({@code primefaces.MOVE_SCRIPTS_TO_BOTTOM=defer}, so a phone paints before they
 * arrive) together with PrimeFaces' content security policy mode. PrimeFaces 15 wraps its widget script in a
 * DOMContentLoaded listener then, but writes the script that attaches the buttons' event handlers
 * ({@code PrimeFaces.csp.register(...)}) after it, unwrapped, where it runs before the deferred PrimeFaces script has
 * loaded and fails ("PrimeFaces is not defined"): no button handler would be attached. This writer sits under
 * PrimeFaces' own writers and wraps that one script the same way, on full page renders only (an Ajax update runs
 * its scripts itself). Registered for the HTML render kit in faces-config.xml.
 */
public class DeferredHandlersRenderKit extends RenderKitWrapper {

    static final String HANDLERS = "PrimeFaces.csp.register(";

    public DeferredHandlersRenderKit(RenderKit wrapped) {
        super(wrapped);
    }

    @Override
    public ResponseWriter createResponseWriter(Writer writer, String contentTypes, String encoding) {
        ResponseWriter created = getWrapped().createResponseWriter(writer, contentTypes, encoding);
        FacesContext context = FacesContext.getCurrentInstance();
        if (context != null && context.getPartialViewContext().isAjaxRequest()) {
            return created;
        }
        return new HandlersWriter(created);
    }

    /**
     * Watches the first text of each script element: when it is PrimeFaces' handler registration, it goes out inside
     * a DOMContentLoaded listener (which runs after the deferred scripts); everything else passes through as written.
     */
    static final class HandlersWriter extends ResponseWriterWrapper {

        static final String OPEN = "document.addEventListener(\"DOMContentLoaded\",function(){";
        static final String CLOSE = "});";

        /** Inside a script element whose first text has not come yet. */
        private boolean scriptStarted;
        /** Inside a script element that is being wrapped. */
        private boolean wrapping;

        HandlersWriter(ResponseWriter wrapped) {
            super(wrapped);
        }

        @Override
        public void startElement(String name, UIComponent component) throws IOException {
            scriptStarted = "script".equalsIgnoreCase(name);
            getWrapped().startElement(name, component);
        }

        @Override
        public void endElement(String name) throws IOException {
            if (wrapping && "script".equalsIgnoreCase(name)) {
                getWrapped().write(CLOSE);
                wrapping = false;
            }
            scriptStarted = false;
            getWrapped().endElement(name);
        }

        @Override
        public void writeText(Object text, String property) throws IOException {
            first(text);
            getWrapped().writeText(text, property);
        }

        @Override
        public void writeText(Object text, UIComponent component, String property) throws IOException {
            first(text);
            getWrapped().writeText(text, component, property);
        }

        @Override
        public void write(String text) throws IOException {
            first(text);
            getWrapped().write(text);
        }

        @Override
        public ResponseWriter cloneWithWriter(Writer writer) {
            return new HandlersWriter(getWrapped().cloneWithWriter(writer));
        }

        private void first(Object text) throws IOException {
            if (scriptStarted) {
                scriptStarted = false;
                if (text != null && text.toString().startsWith(HANDLERS)) {
                    getWrapped().write(OPEN);
                    wrapping = true;
                }
            }
        }
    }
}
