package dev.labforge.booking.capacity;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

/**
 * A pool request gives its vCPUs, memory and router VMs, or says it is derived from its Nodes and gives none:
 * each field broken is reported at its own pointer, like any other invalid field.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = SizedUnlessDerived.Check.class)
@interface SizedUnlessDerived {

    String message() default "must not be null";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<SizedUnlessDerived, PoolDocument.PoolRequest> {

        @Override
        public boolean isValid(PoolDocument.PoolRequest request, ConstraintValidatorContext context) {
            if (request == null) {
                return true;
            }
            Map<String, Object> sizes = new java.util.LinkedHashMap<>();
            sizes.put("vcpus", request.vcpus());
            sizes.put("memoryMib", request.memoryMib());
            sizes.put("nodes", request.nodes());
            boolean valid = true;
            context.disableDefaultConstraintViolation();
            for (Map.Entry<String, Object> size : sizes.entrySet()) {
                String broken = request.isDerived() && size.getValue() != null
                        ? "a derived pool takes it from its Nodes' allocatable resources: leave it out"
                        : !request.isDerived() && size.getValue() == null ? "must not be null" : null;
                if (broken != null) {
                    context.buildConstraintViolationWithTemplate(broken).addPropertyNode(size.getKey())
                            .addConstraintViolation();
                    valid = false;
                }
            }
            if (!request.isDerived() && request.cpuOvercommit() != null) {
                context.buildConstraintViolationWithTemplate("only a derived pool has an overcommit ratio")
                        .addPropertyNode("cpuOvercommit").addConstraintViolation();
                valid = false;
            }
            return valid;
        }
    }
}
