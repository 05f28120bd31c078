// HehoLocal
