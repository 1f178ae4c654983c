/** The engineer's pages: the labs list, importing a containerlab file, a lab's page with its consoles. */
package dev.labforge.web.lab;
