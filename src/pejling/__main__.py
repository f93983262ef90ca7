from pejling.cli import main

main()
