-- Anonymous insight into the front door: how often each combination of answers
-- was asked per day, and the feedback visitors chose to send. No IP addresses,
-- no cookies, no times of day.
CREATE TABLE front_door_routes (
    day DATE NOT NULL,
    combination TEXT NOT NULL,
    fell_back BOOLEAN NOT NULL,
    count BIGINT NOT NULL,
    PRIMARY KEY (day, combination)
);
CREATE TABLE front_door_feedback (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    day DATE NOT NULL,
    combination TEXT NOT NULL,
    lang TEXT NOT NULL,
    comment TEXT NOT NULL
);
CREATE INDEX front_door_feedback_day ON front_door_feedback (day);
