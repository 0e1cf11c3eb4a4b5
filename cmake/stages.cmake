# Declaring a pipeline stage and the stages it may use (see src/CMakeLists.txt).
#
#   bookc_stage(<target> DIR <folder under src/> [USES <stage folder>...]
#               [PUBLIC_HEADERS <header>... | ALL | NONE])
#
# links <target> PUBLIC to the library of each used stage, and nothing else may link a
# bookc_* library to it. It records the stage for the `edges` test (tests/edges/), which
# reads ${CMAKE_BINARY_DIR}/stage_edges.txt and fails when a file of the stage includes a
# header of a stage it does not use, a header another stage keeps private, or names the
# namespace of such a stage; when a used stage is never included; and when the target's
# bookc_* link libraries differ from USES. PUBLIC_HEADERS defaults to <last folder>.hpp
# (load/load.hpp, write/pdf/pdf.hpp); ALL makes every header of the folder public (base),
# NONE none (cli).
# Stages must be declared after the stages they use.
function(bookc_stage target)
  cmake_parse_arguments(PARSE_ARGV 1 S "" "DIR" "USES;PUBLIC_HEADERS")
  if(NOT S_DIR)
    message(FATAL_ERROR "bookc_stage(${target}): DIR is required")
  endif()
  # Includes are spelled from src/ ("load/load.hpp"); which of them a stage may use is the
  # edges test's job.
  get_target_property(type ${target} TYPE)
  if(type STREQUAL "EXECUTABLE")
    target_include_directories(${target} PRIVATE ${CMAKE_SOURCE_DIR}/src)
  else()
    target_include_directories(${target} PUBLIC ${CMAKE_SOURCE_DIR}/src)
  endif()
  set(links)
  foreach(dep IN LISTS S_USES)
    get_property(dep_target GLOBAL PROPERTY BOOKC_STAGE_TARGET_${dep})
    if(NOT dep_target)
      message(FATAL_ERROR "bookc_stage(${target}): stage '${dep}' is not declared (yet)")
    endif()
    list(APPEND links ${dep_target})
  endforeach()
  if(links)
    if(type STREQUAL "EXECUTABLE")
      target_link_libraries(${target} PRIVATE ${links})
    else()
      target_link_libraries(${target} PUBLIC ${links})
    endif()
  endif()
  if(NOT S_PUBLIC_HEADERS)
    get_filename_component(name ${S_DIR} NAME)
    set(S_PUBLIC_HEADERS ${name}.hpp)
  endif()
  set_property(GLOBAL PROPERTY BOOKC_STAGE_TARGET_${S_DIR} ${target})
  list(JOIN S_USES " " uses)
  list(JOIN S_PUBLIC_HEADERS " " headers)
  # One line per stage: folder | target | used stages | public headers | bookc_* links.
  set_property(GLOBAL APPEND PROPERTY BOOKC_STAGE_LINES
    "${S_DIR}|${target}|${uses}|${headers}|$<JOIN:$<FILTER:$<TARGET_PROPERTY:${target},LINK_LIBRARIES>,INCLUDE,^bookc_>, >")
endfunction()

# Writes the declared stages to ${CMAKE_BINARY_DIR}/stage_edges.txt (at generate time, so
# that the link libraries are final). Call once, after every stage.
function(bookc_write_stage_edges)
  get_property(lines GLOBAL PROPERTY BOOKC_STAGE_LINES)
  list(JOIN lines "\n" content)
  file(GENERATE OUTPUT ${CMAKE_BINARY_DIR}/stage_edges.txt CONTENT "${content}\n")
endfunction()
