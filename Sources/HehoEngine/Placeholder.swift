// HehoEngine
