"""Everything Qt lives below this package and nowhere else."""
