package org.securebase.it;

import org.eu.ingwar.tools.arquillian.extension.suite.annotations.ArquillianSuiteDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one deployment every Arquillian test class of a run shares (arquillian-suite-extension, named in
 * arquillian.xml): the WAR the build produced, on a database that starts empty. Test classes therefore see each
 * other's rows, as they always did on the PostgreSQL pass, and assert only what their own steps made.
 */
@ArquillianSuiteDeployment
public final class SuiteDeployment {

    private SuiteDeployment() {
    }

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Deployments.war();
    }
}
