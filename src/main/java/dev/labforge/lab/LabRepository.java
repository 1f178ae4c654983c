package dev.labforge.lab;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface LabRepository extends JpaRepository<Lab, UUID> {

    @Query(value = "select count(*) from labs where topology @> jsonb_build_object('nodes',"
            + " jsonb_build_array(jsonb_build_object('image', cast(:image as text))))", nativeQuery = true)
    long countUsingImage(String image);
}
