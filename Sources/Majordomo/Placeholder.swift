enum MajordomoPlaceholder {}
