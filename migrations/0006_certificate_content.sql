-- What a certificate states (participant's names, action title and type, dates, place, days
-- present), frozen as JSON when it is issued: printing it again or verifying its code years
-- later gives the same content even after the records have been corrected.
-- NULL only for rows issued before this column existed (none were: nothing issued them).
ALTER TABLE certificates ADD COLUMN content TEXT;
