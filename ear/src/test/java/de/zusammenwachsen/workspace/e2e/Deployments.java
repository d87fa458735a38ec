package de.zusammenwachsen.workspace.e2e;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

import java.io.File;

/** The real EAR as the build packaged it: end-to-end tests run against exactly what users install. */
final class Deployments {

    private Deployments() {
    }

    static EnterpriseArchive workspace() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File("target/workspace.ear"));
    }
}
