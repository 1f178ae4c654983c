package dev.labforge.image;

import dev.labforge.api.BodyRules;
import dev.labforge.api.InvalidField;
import java.util.List;
import org.springframework.stereotype.Component;

/** A new or changed image's rules across fields, checked in the same pass as its annotations. */
@Component
class NewImageRules extends BodyRules<ImageDocument.NewImage> {

    NewImageRules() {
        super(ImageDocument.NewImage.class);
    }

    @Override
    protected List<InvalidField> problems(ImageDocument.NewImage image) {
        return image.crossFieldErrors();
    }
}
