package dev.labforge.lab;

import dev.labforge.image.ImageUsage;
import org.springframework.stereotype.Component;

/** Tells the image catalog which images labs still refer to. */
@Component
class LabImageUsage implements ImageUsage {

    private final LabRepository labs;

    LabImageUsage(LabRepository labs) {
        this.labs = labs;
    }

    @Override
    public String usersOf(String imageName) {
        long count = labs.countUsingImage(imageName);
        return count == 0 ? "" : count == 1 ? "1 lab" : count + " labs";
    }
}
