package dev.labforge.image;

/**
 * Who still uses an image. The catalog refuses to delete an image in use; the modules that hold
 * references (labs) implement this, so the catalog needs to know nothing about them.
 */
public interface ImageUsage {

    /** A short description of the users of the image, e.g. "3 labs", or empty when unused. */
    String usersOf(String imageName);
}
