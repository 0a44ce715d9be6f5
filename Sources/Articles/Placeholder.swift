enum ArticlesPlaceholder {}
