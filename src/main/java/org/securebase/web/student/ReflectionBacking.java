package org.securebase.web.student;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;
import org.securebase.application.CurrentUser;
import org.securebase.application.ReflectionService;
import org.securebase.domain.NotFoundException;
import org.securebase.domain.module.ModuleDefinition;
import org.securebase.domain.reflection.Reflection;

/** /student/reflection.xhtml?id=N: every submitted version of one of the student's own reflections. */
@Named
@RequestScoped
public class ReflectionBacking {

    @Inject
    private ReflectionService reflections;

    @Inject
    private CurrentUser currentUser;

    @Inject
    @Param(name = "id")
    private Long id;

    private Reflection reflection;
    private ModuleDefinition definition;

    /** Runs before rendering: an unknown or someone else's item is "not found", and nothing is rendered. */
    public void verify() {
        if (reflection == null) {
            Faces.responseSendError(404, "not found");
        }
    }

    @PostConstruct
    void load() {
        try {
            if (id == null) {
                throw new NotFoundException("no id");
            }
            reflection = reflections.getOwn(currentUser.require(), id);
            definition = reflections.definition(reflection);
        } catch (NotFoundException e) {
            // verify() answers 404 before anything is rendered.
        }
    }

    public Reflection getReflection() {
        return reflection;
    }

    public ModuleDefinition getDefinition() {
        return definition;
    }
}
