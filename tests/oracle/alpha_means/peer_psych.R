# peer_psych.R - the R side of tests/cli/oracle_alpha_means.sh.
#
#   Rscript peer_psych.R alpha FILE.csv ITEMS REVERSE OUT
#   Rscript peer_psych.R means FILE.csv VAR BY OUT
#
# ITEMS is a comma-separated list, REVERSE one too or "-". The code 9 is
# missing in every column (as samen's --missing 9); empty cells are NA.
# Reverse-keyed items are mirrored here as 6 - x (the oracle's items run
# 1..5). Writes "key value" lines with 17 significant digits; NA for an
# undefined statistic.
suppressMessages(library(psych))
args <- commandArgs(trailingOnly = TRUE)
mode <- args[1]
d <- read.csv(args[2])
out <- file(args[length(args)], "w")
put <- function(key, value) {
  cat(key, " ", if (is.na(value)) "NA" else sprintf("%.17g", value), "\n", sep = "", file = out)
}
missing9 <- function(v) { v[!is.na(v) & v == 9] <- NA; v }

if (mode == "alpha") {
  items <- strsplit(args[3], ",")[[1]]
  reverse <- if (args[4] == "-") character(0) else strsplit(args[4], ",")[[1]]
  x <- d[, items, drop = FALSE]
  for (v in items) x[[v]] <- missing9(x[[v]])
  for (v in reverse) x[[v]] <- 6 - x[[v]]
  x <- x[complete.cases(x), , drop = FALSE]
  # Listwise complete cases, as SPSS; check.keys = FALSE so psych flips nothing.
  a <- psych::alpha(x, check.keys = FALSE, warnings = FALSE)
  put("n", nrow(x))
  put("raw_alpha", a$total$raw_alpha)
  put("std.alpha", a$total$std.alpha)
  put("average_r", a$total$average_r)
  put("mean", a$total$mean)   # of the item mean score (sum / k)
  put("sd", a$total$sd)
  for (v in items) {
    put(paste0(v, ".raw_alpha"), a$alpha.drop[v, "raw_alpha"])
    put(paste0(v, ".std.alpha"), a$alpha.drop[v, "std.alpha"])
    put(paste0(v, ".r.drop"), a$item.stats[v, "r.drop"])
    put(paste0(v, ".raw.r"), a$item.stats[v, "raw.r"])
    put(paste0(v, ".mean"), a$item.stats[v, "mean"])
    put(paste0(v, ".sd"), a$item.stats[v, "sd"])
    put(paste0(v, ".n"), a$item.stats[v, "n"])
  }
} else if (mode == "means") {
  v <- missing9(d[[args[3]]])
  g <- missing9(d[[args[4]]])
  stats <- function(prefix, x) {
    put(paste0(prefix, ".n"), length(x))
    put(paste0(prefix, ".mean"), if (length(x) > 0) mean(x) else NA)
    put(paste0(prefix, ".sd"), if (length(x) > 1) sd(x) else NA)
    put(paste0(prefix, ".median"), if (length(x) > 0) median(x) else NA)
    put(paste0(prefix, ".min"), if (length(x) > 0) min(x) else NA)
    put(paste0(prefix, ".max"), if (length(x) > 0) max(x) else NA)
  }
  ok <- !is.na(v) & !is.na(g)
  for (level in sort(unique(g[ok]))) stats(paste0("group.", level), v[ok & g == level])
  stats("total", v[ok])          # cases valid on both, as MEANS
  stats("all", v[!is.na(v)])     # every valid value of VAR
} else {
  stop("mode is alpha or means")
}
close(out)
