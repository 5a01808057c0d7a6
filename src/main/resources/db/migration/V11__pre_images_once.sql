-- Each distinct pre-image is kept once (issue 9). A run of 1,000 routers recorded the same few managed subtrees 1,000
-- times: the soak's database held 2,683 pre-images with 31 distinct texts, and writing them was most of the bytes a
-- recorded apply adds. A router's row now names its pre-image by digest ("sha256:" and the hex of the text's UTF-8);
-- rows written before this migration keep theirs inline in pcl_router_run.pre_image, and readers take either.
-- last_used_at is renewed when a run records the pre-image again (at most once a day per process), so that retention
-- deletes only pre-images no run has used since its cutoff and no row still names.

CREATE TABLE pcl_pre_image (
    digest       VARCHAR(80)     NOT NULL PRIMARY KEY,
    body         VARCHAR(1000000) NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE NOT NULL
);

ALTER TABLE pcl_router_run ADD COLUMN pre_image_digest VARCHAR(80);
