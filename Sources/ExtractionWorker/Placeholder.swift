enum ExtractionWorkerPlaceholder {}
