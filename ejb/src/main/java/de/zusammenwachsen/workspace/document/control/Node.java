package de.zusammenwachsen.workspace.document.control;

/**
 * This server's name among the servers sharing one database. Background jobs are claimed in its name, so that at
 * start-up it can take back exactly the jobs it held when it died, while other nodes' jobs stay theirs.
 */
public final class Node {

    private Node() {
    }

    public static String name() {
        String name = System.getProperty("jboss.node.name");
        if (name == null || name.isBlank()) {
            name = System.getProperty("jboss.host.name", "local");
        }
        return name.length() > 100 ? name.substring(0, 100) : name;
    }
}
