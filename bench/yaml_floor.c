/* The floor for reading YAML: every file named on the command line event-parsed by libyaml's
 * C parser (no objects built). Prints the seconds it took and the events seen.
 * Built by bench/run.py: cc -O2 -o bench/out/yaml_floor bench/yaml_floor.c -lyaml */
#include <stdio.h>
#include <time.h>
#include <yaml.h>

int main(int argc, char **argv) {
  struct timespec start, end;
  long events = 0;
  clock_gettime(CLOCK_MONOTONIC, &start);
  for (int i = 1; i < argc; i++) {
    FILE *file = fopen(argv[i], "rb");
    if (!file) { fprintf(stderr, "cannot open %s\n", argv[i]); return 1; }
    yaml_parser_t parser;
    yaml_event_t event;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_file(&parser, file);
    int done = 0;
    while (!done) {
      if (!yaml_parser_parse(&parser, &event)) {
        fprintf(stderr, "%s: %s\n", argv[i], parser.problem ? parser.problem : "parse error");
        return 1;
      }
      done = event.type == YAML_STREAM_END_EVENT;
      yaml_event_delete(&event);
      events++;
    }
    yaml_parser_delete(&parser);
    fclose(file);
  }
  clock_gettime(CLOCK_MONOTONIC, &end);
  printf("%.6f %ld\n", (end.tv_sec - start.tv_sec) + (end.tv_nsec - start.tv_nsec) / 1e9, events);
  return 0;
}
