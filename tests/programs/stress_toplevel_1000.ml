(* Stress: 1,000 toplevel let definitions (ints, strings, closures, each depending on earlier ones), all used at the end *)
let v0 = 1
let v1 = (v0 * 3 + 1) mod 10007
let v2 = let f x = (x + v0) mod 10007 in f 2
let v3 = String.length (string_of_int v2) + v2
let v4 = (v3 + 4) mod 10007
let v5 = (v4 * 3 + 5) mod 10007
let v6 = let f x = (x + v4) mod 10007 in f 6
let v7 = String.length (string_of_int v6) + v6
let v8 = (v7 + 8) mod 10007
let v9 = (v8 * 3 + 9) mod 10007
let v10 = let f x = (x + v8) mod 10007 in f 10
let v11 = String.length (string_of_int v10) + v10
let v12 = (v11 + 12) mod 10007
let v13 = (v12 * 3 + 13) mod 10007
let v14 = let f x = (x + v12) mod 10007 in f 14
let v15 = String.length (string_of_int v14) + v14
let v16 = (v15 + 16) mod 10007
let v17 = (v16 * 3 + 0) mod 10007
let v18 = let f x = (x + v16) mod 10007 in f 18
let v19 = String.length (string_of_int v18) + v18
let v20 = (v19 + 20) mod 10007
let v21 = (v20 * 3 + 4) mod 10007
let v22 = let f x = (x + v20) mod 10007 in f 22
let v23 = String.length (string_of_int v22) + v22
let v24 = (v23 + 24) mod 10007
let v25 = (v24 * 3 + 8) mod 10007
let v26 = let f x = (x + v24) mod 10007 in f 26
let v27 = String.length (string_of_int v26) + v26
let v28 = (v27 + 28) mod 10007
let v29 = (v28 * 3 + 12) mod 10007
let v30 = let f x = (x + v28) mod 10007 in f 30
let v31 = String.length (string_of_int v30) + v30
let v32 = (v31 + 32) mod 10007
let v33 = (v32 * 3 + 16) mod 10007
let v34 = let f x = (x + v32) mod 10007 in f 34
let v35 = String.length (string_of_int v34) + v34
let v36 = (v35 + 36) mod 10007
let v37 = (v36 * 3 + 3) mod 10007
let v38 = let f x = (x + v36) mod 10007 in f 38
let v39 = String.length (string_of_int v38) + v38
let v40 = (v39 + 40) mod 10007
let v41 = (v40 * 3 + 7) mod 10007
let v42 = let f x = (x + v40) mod 10007 in f 42
let v43 = String.length (string_of_int v42) + v42
let v44 = (v43 + 44) mod 10007
let v45 = (v44 * 3 + 11) mod 10007
let v46 = let f x = (x + v44) mod 10007 in f 46
let v47 = String.length (string_of_int v46) + v46
let v48 = (v47 + 48) mod 10007
let v49 = (v48 * 3 + 15) mod 10007
let v50 = let f x = (x + v48) mod 10007 in f 50
let v51 = String.length (string_of_int v50) + v50
let v52 = (v51 + 52) mod 10007
let v53 = (v52 * 3 + 2) mod 10007
let v54 = let f x = (x + v52) mod 10007 in f 54
let v55 = String.length (string_of_int v54) + v54
let v56 = (v55 + 56) mod 10007
let v57 = (v56 * 3 + 6) mod 10007
let v58 = let f x = (x + v56) mod 10007 in f 58
let v59 = String.length (string_of_int v58) + v58
let v60 = (v59 + 60) mod 10007
let v61 = (v60 * 3 + 10) mod 10007
let v62 = let f x = (x + v60) mod 10007 in f 62
let v63 = String.length (string_of_int v62) + v62
let v64 = (v63 + 64) mod 10007
let v65 = (v64 * 3 + 14) mod 10007
let v66 = let f x = (x + v64) mod 10007 in f 66
let v67 = String.length (string_of_int v66) + v66
let v68 = (v67 + 68) mod 10007
let v69 = (v68 * 3 + 1) mod 10007
let v70 = let f x = (x + v68) mod 10007 in f 70
let v71 = String.length (string_of_int v70) + v70
let v72 = (v71 + 72) mod 10007
let v73 = (v72 * 3 + 5) mod 10007
let v74 = let f x = (x + v72) mod 10007 in f 74
let v75 = String.length (string_of_int v74) + v74
let v76 = (v75 + 76) mod 10007
let v77 = (v76 * 3 + 9) mod 10007
let v78 = let f x = (x + v76) mod 10007 in f 78
let v79 = String.length (string_of_int v78) + v78
let v80 = (v79 + 80) mod 10007
let v81 = (v80 * 3 + 13) mod 10007
let v82 = let f x = (x + v80) mod 10007 in f 82
let v83 = String.length (string_of_int v82) + v82
let v84 = (v83 + 84) mod 10007
let v85 = (v84 * 3 + 0) mod 10007
let v86 = let f x = (x + v84) mod 10007 in f 86
let v87 = String.length (string_of_int v86) + v86
let v88 = (v87 + 88) mod 10007
let v89 = (v88 * 3 + 4) mod 10007
let v90 = let f x = (x + v88) mod 10007 in f 90
let v91 = String.length (string_of_int v90) + v90
let v92 = (v91 + 92) mod 10007
let v93 = (v92 * 3 + 8) mod 10007
let v94 = let f x = (x + v92) mod 10007 in f 94
let v95 = String.length (string_of_int v94) + v94
let v96 = (v95 + 96) mod 10007
let v97 = (v96 * 3 + 12) mod 10007
let v98 = let f x = (x + v96) mod 10007 in f 98
let v99 = String.length (string_of_int v98) + v98
let v100 = (v99 + 100) mod 10007
let v101 = (v100 * 3 + 16) mod 10007
let v102 = let f x = (x + v100) mod 10007 in f 102
let v103 = String.length (string_of_int v102) + v102
let v104 = (v103 + 104) mod 10007
let v105 = (v104 * 3 + 3) mod 10007
let v106 = let f x = (x + v104) mod 10007 in f 106
let v107 = String.length (string_of_int v106) + v106
let v108 = (v107 + 108) mod 10007
let v109 = (v108 * 3 + 7) mod 10007
let v110 = let f x = (x + v108) mod 10007 in f 110
let v111 = String.length (string_of_int v110) + v110
let v112 = (v111 + 112) mod 10007
let v113 = (v112 * 3 + 11) mod 10007
let v114 = let f x = (x + v112) mod 10007 in f 114
let v115 = String.length (string_of_int v114) + v114
let v116 = (v115 + 116) mod 10007
let v117 = (v116 * 3 + 15) mod 10007
let v118 = let f x = (x + v116) mod 10007 in f 118
let v119 = String.length (string_of_int v118) + v118
let v120 = (v119 + 120) mod 10007
let v121 = (v120 * 3 + 2) mod 10007
let v122 = let f x = (x + v120) mod 10007 in f 122
let v123 = String.length (string_of_int v122) + v122
let v124 = (v123 + 124) mod 10007
let v125 = (v124 * 3 + 6) mod 10007
let v126 = let f x = (x + v124) mod 10007 in f 126
let v127 = String.length (string_of_int v126) + v126
let v128 = (v127 + 128) mod 10007
let v129 = (v128 * 3 + 10) mod 10007
let v130 = let f x = (x + v128) mod 10007 in f 130
let v131 = String.length (string_of_int v130) + v130
let v132 = (v131 + 132) mod 10007
let v133 = (v132 * 3 + 14) mod 10007
let v134 = let f x = (x + v132) mod 10007 in f 134
let v135 = String.length (string_of_int v134) + v134
let v136 = (v135 + 136) mod 10007
let v137 = (v136 * 3 + 1) mod 10007
let v138 = let f x = (x + v136) mod 10007 in f 138
let v139 = String.length (string_of_int v138) + v138
let v140 = (v139 + 140) mod 10007
let v141 = (v140 * 3 + 5) mod 10007
let v142 = let f x = (x + v140) mod 10007 in f 142
let v143 = String.length (string_of_int v142) + v142
let v144 = (v143 + 144) mod 10007
let v145 = (v144 * 3 + 9) mod 10007
let v146 = let f x = (x + v144) mod 10007 in f 146
let v147 = String.length (string_of_int v146) + v146
let v148 = (v147 + 148) mod 10007
let v149 = (v148 * 3 + 13) mod 10007
let v150 = let f x = (x + v148) mod 10007 in f 150
let v151 = String.length (string_of_int v150) + v150
let v152 = (v151 + 152) mod 10007
let v153 = (v152 * 3 + 0) mod 10007
let v154 = let f x = (x + v152) mod 10007 in f 154
let v155 = String.length (string_of_int v154) + v154
let v156 = (v155 + 156) mod 10007
let v157 = (v156 * 3 + 4) mod 10007
let v158 = let f x = (x + v156) mod 10007 in f 158
let v159 = String.length (string_of_int v158) + v158
let v160 = (v159 + 160) mod 10007
let v161 = (v160 * 3 + 8) mod 10007
let v162 = let f x = (x + v160) mod 10007 in f 162
let v163 = String.length (string_of_int v162) + v162
let v164 = (v163 + 164) mod 10007
let v165 = (v164 * 3 + 12) mod 10007
let v166 = let f x = (x + v164) mod 10007 in f 166
let v167 = String.length (string_of_int v166) + v166
let v168 = (v167 + 168) mod 10007
let v169 = (v168 * 3 + 16) mod 10007
let v170 = let f x = (x + v168) mod 10007 in f 170
let v171 = String.length (string_of_int v170) + v170
let v172 = (v171 + 172) mod 10007
let v173 = (v172 * 3 + 3) mod 10007
let v174 = let f x = (x + v172) mod 10007 in f 174
let v175 = String.length (string_of_int v174) + v174
let v176 = (v175 + 176) mod 10007
let v177 = (v176 * 3 + 7) mod 10007
let v178 = let f x = (x + v176) mod 10007 in f 178
let v179 = String.length (string_of_int v178) + v178
let v180 = (v179 + 180) mod 10007
let v181 = (v180 * 3 + 11) mod 10007
let v182 = let f x = (x + v180) mod 10007 in f 182
let v183 = String.length (string_of_int v182) + v182
let v184 = (v183 + 184) mod 10007
let v185 = (v184 * 3 + 15) mod 10007
let v186 = let f x = (x + v184) mod 10007 in f 186
let v187 = String.length (string_of_int v186) + v186
let v188 = (v187 + 188) mod 10007
let v189 = (v188 * 3 + 2) mod 10007
let v190 = let f x = (x + v188) mod 10007 in f 190
let v191 = String.length (string_of_int v190) + v190
let v192 = (v191 + 192) mod 10007
let v193 = (v192 * 3 + 6) mod 10007
let v194 = let f x = (x + v192) mod 10007 in f 194
let v195 = String.length (string_of_int v194) + v194
let v196 = (v195 + 196) mod 10007
let v197 = (v196 * 3 + 10) mod 10007
let v198 = let f x = (x + v196) mod 10007 in f 198
let v199 = String.length (string_of_int v198) + v198
let v200 = (v199 + 200) mod 10007
let v201 = (v200 * 3 + 14) mod 10007
let v202 = let f x = (x + v200) mod 10007 in f 202
let v203 = String.length (string_of_int v202) + v202
let v204 = (v203 + 204) mod 10007
let v205 = (v204 * 3 + 1) mod 10007
let v206 = let f x = (x + v204) mod 10007 in f 206
let v207 = String.length (string_of_int v206) + v206
let v208 = (v207 + 208) mod 10007
let v209 = (v208 * 3 + 5) mod 10007
let v210 = let f x = (x + v208) mod 10007 in f 210
let v211 = String.length (string_of_int v210) + v210
let v212 = (v211 + 212) mod 10007
let v213 = (v212 * 3 + 9) mod 10007
let v214 = let f x = (x + v212) mod 10007 in f 214
let v215 = String.length (string_of_int v214) + v214
let v216 = (v215 + 216) mod 10007
let v217 = (v216 * 3 + 13) mod 10007
let v218 = let f x = (x + v216) mod 10007 in f 218
let v219 = String.length (string_of_int v218) + v218
let v220 = (v219 + 220) mod 10007
let v221 = (v220 * 3 + 0) mod 10007
let v222 = let f x = (x + v220) mod 10007 in f 222
let v223 = String.length (string_of_int v222) + v222
let v224 = (v223 + 224) mod 10007
let v225 = (v224 * 3 + 4) mod 10007
let v226 = let f x = (x + v224) mod 10007 in f 226
let v227 = String.length (string_of_int v226) + v226
let v228 = (v227 + 228) mod 10007
let v229 = (v228 * 3 + 8) mod 10007
let v230 = let f x = (x + v228) mod 10007 in f 230
let v231 = String.length (string_of_int v230) + v230
let v232 = (v231 + 232) mod 10007
let v233 = (v232 * 3 + 12) mod 10007
let v234 = let f x = (x + v232) mod 10007 in f 234
let v235 = String.length (string_of_int v234) + v234
let v236 = (v235 + 236) mod 10007
let v237 = (v236 * 3 + 16) mod 10007
let v238 = let f x = (x + v236) mod 10007 in f 238
let v239 = String.length (string_of_int v238) + v238
let v240 = (v239 + 240) mod 10007
let v241 = (v240 * 3 + 3) mod 10007
let v242 = let f x = (x + v240) mod 10007 in f 242
let v243 = String.length (string_of_int v242) + v242
let v244 = (v243 + 244) mod 10007
let v245 = (v244 * 3 + 7) mod 10007
let v246 = let f x = (x + v244) mod 10007 in f 246
let v247 = String.length (string_of_int v246) + v246
let v248 = (v247 + 248) mod 10007
let v249 = (v248 * 3 + 11) mod 10007
let v250 = let f x = (x + v248) mod 10007 in f 250
let v251 = String.length (string_of_int v250) + v250
let v252 = (v251 + 252) mod 10007
let v253 = (v252 * 3 + 15) mod 10007
let v254 = let f x = (x + v252) mod 10007 in f 254
let v255 = String.length (string_of_int v254) + v254
let v256 = (v255 + 256) mod 10007
let v257 = (v256 * 3 + 2) mod 10007
let v258 = let f x = (x + v256) mod 10007 in f 258
let v259 = String.length (string_of_int v258) + v258
let v260 = (v259 + 260) mod 10007
let v261 = (v260 * 3 + 6) mod 10007
let v262 = let f x = (x + v260) mod 10007 in f 262
let v263 = String.length (string_of_int v262) + v262
let v264 = (v263 + 264) mod 10007
let v265 = (v264 * 3 + 10) mod 10007
let v266 = let f x = (x + v264) mod 10007 in f 266
let v267 = String.length (string_of_int v266) + v266
let v268 = (v267 + 268) mod 10007
let v269 = (v268 * 3 + 14) mod 10007
let v270 = let f x = (x + v268) mod 10007 in f 270
let v271 = String.length (string_of_int v270) + v270
let v272 = (v271 + 272) mod 10007
let v273 = (v272 * 3 + 1) mod 10007
let v274 = let f x = (x + v272) mod 10007 in f 274
let v275 = String.length (string_of_int v274) + v274
let v276 = (v275 + 276) mod 10007
let v277 = (v276 * 3 + 5) mod 10007
let v278 = let f x = (x + v276) mod 10007 in f 278
let v279 = String.length (string_of_int v278) + v278
let v280 = (v279 + 280) mod 10007
let v281 = (v280 * 3 + 9) mod 10007
let v282 = let f x = (x + v280) mod 10007 in f 282
let v283 = String.length (string_of_int v282) + v282
let v284 = (v283 + 284) mod 10007
let v285 = (v284 * 3 + 13) mod 10007
let v286 = let f x = (x + v284) mod 10007 in f 286
let v287 = String.length (string_of_int v286) + v286
let v288 = (v287 + 288) mod 10007
let v289 = (v288 * 3 + 0) mod 10007
let v290 = let f x = (x + v288) mod 10007 in f 290
let v291 = String.length (string_of_int v290) + v290
let v292 = (v291 + 292) mod 10007
let v293 = (v292 * 3 + 4) mod 10007
let v294 = let f x = (x + v292) mod 10007 in f 294
let v295 = String.length (string_of_int v294) + v294
let v296 = (v295 + 296) mod 10007
let v297 = (v296 * 3 + 8) mod 10007
let v298 = let f x = (x + v296) mod 10007 in f 298
let v299 = String.length (string_of_int v298) + v298
let v300 = (v299 + 300) mod 10007
let v301 = (v300 * 3 + 12) mod 10007
let v302 = let f x = (x + v300) mod 10007 in f 302
let v303 = String.length (string_of_int v302) + v302
let v304 = (v303 + 304) mod 10007
let v305 = (v304 * 3 + 16) mod 10007
let v306 = let f x = (x + v304) mod 10007 in f 306
let v307 = String.length (string_of_int v306) + v306
let v308 = (v307 + 308) mod 10007
let v309 = (v308 * 3 + 3) mod 10007
let v310 = let f x = (x + v308) mod 10007 in f 310
let v311 = String.length (string_of_int v310) + v310
let v312 = (v311 + 312) mod 10007
let v313 = (v312 * 3 + 7) mod 10007
let v314 = let f x = (x + v312) mod 10007 in f 314
let v315 = String.length (string_of_int v314) + v314
let v316 = (v315 + 316) mod 10007
let v317 = (v316 * 3 + 11) mod 10007
let v318 = let f x = (x + v316) mod 10007 in f 318
let v319 = String.length (string_of_int v318) + v318
let v320 = (v319 + 320) mod 10007
let v321 = (v320 * 3 + 15) mod 10007
let v322 = let f x = (x + v320) mod 10007 in f 322
let v323 = String.length (string_of_int v322) + v322
let v324 = (v323 + 324) mod 10007
let v325 = (v324 * 3 + 2) mod 10007
let v326 = let f x = (x + v324) mod 10007 in f 326
let v327 = String.length (string_of_int v326) + v326
let v328 = (v327 + 328) mod 10007
let v329 = (v328 * 3 + 6) mod 10007
let v330 = let f x = (x + v328) mod 10007 in f 330
let v331 = String.length (string_of_int v330) + v330
let v332 = (v331 + 332) mod 10007
let v333 = (v332 * 3 + 10) mod 10007
let v334 = let f x = (x + v332) mod 10007 in f 334
let v335 = String.length (string_of_int v334) + v334
let v336 = (v335 + 336) mod 10007
let v337 = (v336 * 3 + 14) mod 10007
let v338 = let f x = (x + v336) mod 10007 in f 338
let v339 = String.length (string_of_int v338) + v338
let v340 = (v339 + 340) mod 10007
let v341 = (v340 * 3 + 1) mod 10007
let v342 = let f x = (x + v340) mod 10007 in f 342
let v343 = String.length (string_of_int v342) + v342
let v344 = (v343 + 344) mod 10007
let v345 = (v344 * 3 + 5) mod 10007
let v346 = let f x = (x + v344) mod 10007 in f 346
let v347 = String.length (string_of_int v346) + v346
let v348 = (v347 + 348) mod 10007
let v349 = (v348 * 3 + 9) mod 10007
let v350 = let f x = (x + v348) mod 10007 in f 350
let v351 = String.length (string_of_int v350) + v350
let v352 = (v351 + 352) mod 10007
let v353 = (v352 * 3 + 13) mod 10007
let v354 = let f x = (x + v352) mod 10007 in f 354
let v355 = String.length (string_of_int v354) + v354
let v356 = (v355 + 356) mod 10007
let v357 = (v356 * 3 + 0) mod 10007
let v358 = let f x = (x + v356) mod 10007 in f 358
let v359 = String.length (string_of_int v358) + v358
let v360 = (v359 + 360) mod 10007
let v361 = (v360 * 3 + 4) mod 10007
let v362 = let f x = (x + v360) mod 10007 in f 362
let v363 = String.length (string_of_int v362) + v362
let v364 = (v363 + 364) mod 10007
let v365 = (v364 * 3 + 8) mod 10007
let v366 = let f x = (x + v364) mod 10007 in f 366
let v367 = String.length (string_of_int v366) + v366
let v368 = (v367 + 368) mod 10007
let v369 = (v368 * 3 + 12) mod 10007
let v370 = let f x = (x + v368) mod 10007 in f 370
let v371 = String.length (string_of_int v370) + v370
let v372 = (v371 + 372) mod 10007
let v373 = (v372 * 3 + 16) mod 10007
let v374 = let f x = (x + v372) mod 10007 in f 374
let v375 = String.length (string_of_int v374) + v374
let v376 = (v375 + 376) mod 10007
let v377 = (v376 * 3 + 3) mod 10007
let v378 = let f x = (x + v376) mod 10007 in f 378
let v379 = String.length (string_of_int v378) + v378
let v380 = (v379 + 380) mod 10007
let v381 = (v380 * 3 + 7) mod 10007
let v382 = let f x = (x + v380) mod 10007 in f 382
let v383 = String.length (string_of_int v382) + v382
let v384 = (v383 + 384) mod 10007
let v385 = (v384 * 3 + 11) mod 10007
let v386 = let f x = (x + v384) mod 10007 in f 386
let v387 = String.length (string_of_int v386) + v386
let v388 = (v387 + 388) mod 10007
let v389 = (v388 * 3 + 15) mod 10007
let v390 = let f x = (x + v388) mod 10007 in f 390
let v391 = String.length (string_of_int v390) + v390
let v392 = (v391 + 392) mod 10007
let v393 = (v392 * 3 + 2) mod 10007
let v394 = let f x = (x + v392) mod 10007 in f 394
let v395 = String.length (string_of_int v394) + v394
let v396 = (v395 + 396) mod 10007
let v397 = (v396 * 3 + 6) mod 10007
let v398 = let f x = (x + v396) mod 10007 in f 398
let v399 = String.length (string_of_int v398) + v398
let v400 = (v399 + 400) mod 10007
let v401 = (v400 * 3 + 10) mod 10007
let v402 = let f x = (x + v400) mod 10007 in f 402
let v403 = String.length (string_of_int v402) + v402
let v404 = (v403 + 404) mod 10007
let v405 = (v404 * 3 + 14) mod 10007
let v406 = let f x = (x + v404) mod 10007 in f 406
let v407 = String.length (string_of_int v406) + v406
let v408 = (v407 + 408) mod 10007
let v409 = (v408 * 3 + 1) mod 10007
let v410 = let f x = (x + v408) mod 10007 in f 410
let v411 = String.length (string_of_int v410) + v410
let v412 = (v411 + 412) mod 10007
let v413 = (v412 * 3 + 5) mod 10007
let v414 = let f x = (x + v412) mod 10007 in f 414
let v415 = String.length (string_of_int v414) + v414
let v416 = (v415 + 416) mod 10007
let v417 = (v416 * 3 + 9) mod 10007
let v418 = let f x = (x + v416) mod 10007 in f 418
let v419 = String.length (string_of_int v418) + v418
let v420 = (v419 + 420) mod 10007
let v421 = (v420 * 3 + 13) mod 10007
let v422 = let f x = (x + v420) mod 10007 in f 422
let v423 = String.length (string_of_int v422) + v422
let v424 = (v423 + 424) mod 10007
let v425 = (v424 * 3 + 0) mod 10007
let v426 = let f x = (x + v424) mod 10007 in f 426
let v427 = String.length (string_of_int v426) + v426
let v428 = (v427 + 428) mod 10007
let v429 = (v428 * 3 + 4) mod 10007
let v430 = let f x = (x + v428) mod 10007 in f 430
let v431 = String.length (string_of_int v430) + v430
let v432 = (v431 + 432) mod 10007
let v433 = (v432 * 3 + 8) mod 10007
let v434 = let f x = (x + v432) mod 10007 in f 434
let v435 = String.length (string_of_int v434) + v434
let v436 = (v435 + 436) mod 10007
let v437 = (v436 * 3 + 12) mod 10007
let v438 = let f x = (x + v436) mod 10007 in f 438
let v439 = String.length (string_of_int v438) + v438
let v440 = (v439 + 440) mod 10007
let v441 = (v440 * 3 + 16) mod 10007
let v442 = let f x = (x + v440) mod 10007 in f 442
let v443 = String.length (string_of_int v442) + v442
let v444 = (v443 + 444) mod 10007
let v445 = (v444 * 3 + 3) mod 10007
let v446 = let f x = (x + v444) mod 10007 in f 446
let v447 = String.length (string_of_int v446) + v446
let v448 = (v447 + 448) mod 10007
let v449 = (v448 * 3 + 7) mod 10007
let v450 = let f x = (x + v448) mod 10007 in f 450
let v451 = String.length (string_of_int v450) + v450
let v452 = (v451 + 452) mod 10007
let v453 = (v452 * 3 + 11) mod 10007
let v454 = let f x = (x + v452) mod 10007 in f 454
let v455 = String.length (string_of_int v454) + v454
let v456 = (v455 + 456) mod 10007
let v457 = (v456 * 3 + 15) mod 10007
let v458 = let f x = (x + v456) mod 10007 in f 458
let v459 = String.length (string_of_int v458) + v458
let v460 = (v459 + 460) mod 10007
let v461 = (v460 * 3 + 2) mod 10007
let v462 = let f x = (x + v460) mod 10007 in f 462
let v463 = String.length (string_of_int v462) + v462
let v464 = (v463 + 464) mod 10007
let v465 = (v464 * 3 + 6) mod 10007
let v466 = let f x = (x + v464) mod 10007 in f 466
let v467 = String.length (string_of_int v466) + v466
let v468 = (v467 + 468) mod 10007
let v469 = (v468 * 3 + 10) mod 10007
let v470 = let f x = (x + v468) mod 10007 in f 470
let v471 = String.length (string_of_int v470) + v470
let v472 = (v471 + 472) mod 10007
let v473 = (v472 * 3 + 14) mod 10007
let v474 = let f x = (x + v472) mod 10007 in f 474
let v475 = String.length (string_of_int v474) + v474
let v476 = (v475 + 476) mod 10007
let v477 = (v476 * 3 + 1) mod 10007
let v478 = let f x = (x + v476) mod 10007 in f 478
let v479 = String.length (string_of_int v478) + v478
let v480 = (v479 + 480) mod 10007
let v481 = (v480 * 3 + 5) mod 10007
let v482 = let f x = (x + v480) mod 10007 in f 482
let v483 = String.length (string_of_int v482) + v482
let v484 = (v483 + 484) mod 10007
let v485 = (v484 * 3 + 9) mod 10007
let v486 = let f x = (x + v484) mod 10007 in f 486
let v487 = String.length (string_of_int v486) + v486
let v488 = (v487 + 488) mod 10007
let v489 = (v488 * 3 + 13) mod 10007
let v490 = let f x = (x + v488) mod 10007 in f 490
let v491 = String.length (string_of_int v490) + v490
let v492 = (v491 + 492) mod 10007
let v493 = (v492 * 3 + 0) mod 10007
let v494 = let f x = (x + v492) mod 10007 in f 494
let v495 = String.length (string_of_int v494) + v494
let v496 = (v495 + 496) mod 10007
let v497 = (v496 * 3 + 4) mod 10007
let v498 = let f x = (x + v496) mod 10007 in f 498
let v499 = String.length (string_of_int v498) + v498
let v500 = (v499 + 500) mod 10007
let v501 = (v500 * 3 + 8) mod 10007
let v502 = let f x = (x + v500) mod 10007 in f 502
let v503 = String.length (string_of_int v502) + v502
let v504 = (v503 + 504) mod 10007
let v505 = (v504 * 3 + 12) mod 10007
let v506 = let f x = (x + v504) mod 10007 in f 506
let v507 = String.length (string_of_int v506) + v506
let v508 = (v507 + 508) mod 10007
let v509 = (v508 * 3 + 16) mod 10007
let v510 = let f x = (x + v508) mod 10007 in f 510
let v511 = String.length (string_of_int v510) + v510
let v512 = (v511 + 512) mod 10007
let v513 = (v512 * 3 + 3) mod 10007
let v514 = let f x = (x + v512) mod 10007 in f 514
let v515 = String.length (string_of_int v514) + v514
let v516 = (v515 + 516) mod 10007
let v517 = (v516 * 3 + 7) mod 10007
let v518 = let f x = (x + v516) mod 10007 in f 518
let v519 = String.length (string_of_int v518) + v518
let v520 = (v519 + 520) mod 10007
let v521 = (v520 * 3 + 11) mod 10007
let v522 = let f x = (x + v520) mod 10007 in f 522
let v523 = String.length (string_of_int v522) + v522
let v524 = (v523 + 524) mod 10007
let v525 = (v524 * 3 + 15) mod 10007
let v526 = let f x = (x + v524) mod 10007 in f 526
let v527 = String.length (string_of_int v526) + v526
let v528 = (v527 + 528) mod 10007
let v529 = (v528 * 3 + 2) mod 10007
let v530 = let f x = (x + v528) mod 10007 in f 530
let v531 = String.length (string_of_int v530) + v530
let v532 = (v531 + 532) mod 10007
let v533 = (v532 * 3 + 6) mod 10007
let v534 = let f x = (x + v532) mod 10007 in f 534
let v535 = String.length (string_of_int v534) + v534
let v536 = (v535 + 536) mod 10007
let v537 = (v536 * 3 + 10) mod 10007
let v538 = let f x = (x + v536) mod 10007 in f 538
let v539 = String.length (string_of_int v538) + v538
let v540 = (v539 + 540) mod 10007
let v541 = (v540 * 3 + 14) mod 10007
let v542 = let f x = (x + v540) mod 10007 in f 542
let v543 = String.length (string_of_int v542) + v542
let v544 = (v543 + 544) mod 10007
let v545 = (v544 * 3 + 1) mod 10007
let v546 = let f x = (x + v544) mod 10007 in f 546
let v547 = String.length (string_of_int v546) + v546
let v548 = (v547 + 548) mod 10007
let v549 = (v548 * 3 + 5) mod 10007
let v550 = let f x = (x + v548) mod 10007 in f 550
let v551 = String.length (string_of_int v550) + v550
let v552 = (v551 + 552) mod 10007
let v553 = (v552 * 3 + 9) mod 10007
let v554 = let f x = (x + v552) mod 10007 in f 554
let v555 = String.length (string_of_int v554) + v554
let v556 = (v555 + 556) mod 10007
let v557 = (v556 * 3 + 13) mod 10007
let v558 = let f x = (x + v556) mod 10007 in f 558
let v559 = String.length (string_of_int v558) + v558
let v560 = (v559 + 560) mod 10007
let v561 = (v560 * 3 + 0) mod 10007
let v562 = let f x = (x + v560) mod 10007 in f 562
let v563 = String.length (string_of_int v562) + v562
let v564 = (v563 + 564) mod 10007
let v565 = (v564 * 3 + 4) mod 10007
let v566 = let f x = (x + v564) mod 10007 in f 566
let v567 = String.length (string_of_int v566) + v566
let v568 = (v567 + 568) mod 10007
let v569 = (v568 * 3 + 8) mod 10007
let v570 = let f x = (x + v568) mod 10007 in f 570
let v571 = String.length (string_of_int v570) + v570
let v572 = (v571 + 572) mod 10007
let v573 = (v572 * 3 + 12) mod 10007
let v574 = let f x = (x + v572) mod 10007 in f 574
let v575 = String.length (string_of_int v574) + v574
let v576 = (v575 + 576) mod 10007
let v577 = (v576 * 3 + 16) mod 10007
let v578 = let f x = (x + v576) mod 10007 in f 578
let v579 = String.length (string_of_int v578) + v578
let v580 = (v579 + 580) mod 10007
let v581 = (v580 * 3 + 3) mod 10007
let v582 = let f x = (x + v580) mod 10007 in f 582
let v583 = String.length (string_of_int v582) + v582
let v584 = (v583 + 584) mod 10007
let v585 = (v584 * 3 + 7) mod 10007
let v586 = let f x = (x + v584) mod 10007 in f 586
let v587 = String.length (string_of_int v586) + v586
let v588 = (v587 + 588) mod 10007
let v589 = (v588 * 3 + 11) mod 10007
let v590 = let f x = (x + v588) mod 10007 in f 590
let v591 = String.length (string_of_int v590) + v590
let v592 = (v591 + 592) mod 10007
let v593 = (v592 * 3 + 15) mod 10007
let v594 = let f x = (x + v592) mod 10007 in f 594
let v595 = String.length (string_of_int v594) + v594
let v596 = (v595 + 596) mod 10007
let v597 = (v596 * 3 + 2) mod 10007
let v598 = let f x = (x + v596) mod 10007 in f 598
let v599 = String.length (string_of_int v598) + v598
let v600 = (v599 + 600) mod 10007
let v601 = (v600 * 3 + 6) mod 10007
let v602 = let f x = (x + v600) mod 10007 in f 602
let v603 = String.length (string_of_int v602) + v602
let v604 = (v603 + 604) mod 10007
let v605 = (v604 * 3 + 10) mod 10007
let v606 = let f x = (x + v604) mod 10007 in f 606
let v607 = String.length (string_of_int v606) + v606
let v608 = (v607 + 608) mod 10007
let v609 = (v608 * 3 + 14) mod 10007
let v610 = let f x = (x + v608) mod 10007 in f 610
let v611 = String.length (string_of_int v610) + v610
let v612 = (v611 + 612) mod 10007
let v613 = (v612 * 3 + 1) mod 10007
let v614 = let f x = (x + v612) mod 10007 in f 614
let v615 = String.length (string_of_int v614) + v614
let v616 = (v615 + 616) mod 10007
let v617 = (v616 * 3 + 5) mod 10007
let v618 = let f x = (x + v616) mod 10007 in f 618
let v619 = String.length (string_of_int v618) + v618
let v620 = (v619 + 620) mod 10007
let v621 = (v620 * 3 + 9) mod 10007
let v622 = let f x = (x + v620) mod 10007 in f 622
let v623 = String.length (string_of_int v622) + v622
let v624 = (v623 + 624) mod 10007
let v625 = (v624 * 3 + 13) mod 10007
let v626 = let f x = (x + v624) mod 10007 in f 626
let v627 = String.length (string_of_int v626) + v626
let v628 = (v627 + 628) mod 10007
let v629 = (v628 * 3 + 0) mod 10007
let v630 = let f x = (x + v628) mod 10007 in f 630
let v631 = String.length (string_of_int v630) + v630
let v632 = (v631 + 632) mod 10007
let v633 = (v632 * 3 + 4) mod 10007
let v634 = let f x = (x + v632) mod 10007 in f 634
let v635 = String.length (string_of_int v634) + v634
let v636 = (v635 + 636) mod 10007
let v637 = (v636 * 3 + 8) mod 10007
let v638 = let f x = (x + v636) mod 10007 in f 638
let v639 = String.length (string_of_int v638) + v638
let v640 = (v639 + 640) mod 10007
let v641 = (v640 * 3 + 12) mod 10007
let v642 = let f x = (x + v640) mod 10007 in f 642
let v643 = String.length (string_of_int v642) + v642
let v644 = (v643 + 644) mod 10007
let v645 = (v644 * 3 + 16) mod 10007
let v646 = let f x = (x + v644) mod 10007 in f 646
let v647 = String.length (string_of_int v646) + v646
let v648 = (v647 + 648) mod 10007
let v649 = (v648 * 3 + 3) mod 10007
let v650 = let f x = (x + v648) mod 10007 in f 650
let v651 = String.length (string_of_int v650) + v650
let v652 = (v651 + 652) mod 10007
let v653 = (v652 * 3 + 7) mod 10007
let v654 = let f x = (x + v652) mod 10007 in f 654
let v655 = String.length (string_of_int v654) + v654
let v656 = (v655 + 656) mod 10007
let v657 = (v656 * 3 + 11) mod 10007
let v658 = let f x = (x + v656) mod 10007 in f 658
let v659 = String.length (string_of_int v658) + v658
let v660 = (v659 + 660) mod 10007
let v661 = (v660 * 3 + 15) mod 10007
let v662 = let f x = (x + v660) mod 10007 in f 662
let v663 = String.length (string_of_int v662) + v662
let v664 = (v663 + 664) mod 10007
let v665 = (v664 * 3 + 2) mod 10007
let v666 = let f x = (x + v664) mod 10007 in f 666
let v667 = String.length (string_of_int v666) + v666
let v668 = (v667 + 668) mod 10007
let v669 = (v668 * 3 + 6) mod 10007
let v670 = let f x = (x + v668) mod 10007 in f 670
let v671 = String.length (string_of_int v670) + v670
let v672 = (v671 + 672) mod 10007
let v673 = (v672 * 3 + 10) mod 10007
let v674 = let f x = (x + v672) mod 10007 in f 674
let v675 = String.length (string_of_int v674) + v674
let v676 = (v675 + 676) mod 10007
let v677 = (v676 * 3 + 14) mod 10007
let v678 = let f x = (x + v676) mod 10007 in f 678
let v679 = String.length (string_of_int v678) + v678
let v680 = (v679 + 680) mod 10007
let v681 = (v680 * 3 + 1) mod 10007
let v682 = let f x = (x + v680) mod 10007 in f 682
let v683 = String.length (string_of_int v682) + v682
let v684 = (v683 + 684) mod 10007
let v685 = (v684 * 3 + 5) mod 10007
let v686 = let f x = (x + v684) mod 10007 in f 686
let v687 = String.length (string_of_int v686) + v686
let v688 = (v687 + 688) mod 10007
let v689 = (v688 * 3 + 9) mod 10007
let v690 = let f x = (x + v688) mod 10007 in f 690
let v691 = String.length (string_of_int v690) + v690
let v692 = (v691 + 692) mod 10007
let v693 = (v692 * 3 + 13) mod 10007
let v694 = let f x = (x + v692) mod 10007 in f 694
let v695 = String.length (string_of_int v694) + v694
let v696 = (v695 + 696) mod 10007
let v697 = (v696 * 3 + 0) mod 10007
let v698 = let f x = (x + v696) mod 10007 in f 698
let v699 = String.length (string_of_int v698) + v698
let v700 = (v699 + 700) mod 10007
let v701 = (v700 * 3 + 4) mod 10007
let v702 = let f x = (x + v700) mod 10007 in f 702
let v703 = String.length (string_of_int v702) + v702
let v704 = (v703 + 704) mod 10007
let v705 = (v704 * 3 + 8) mod 10007
let v706 = let f x = (x + v704) mod 10007 in f 706
let v707 = String.length (string_of_int v706) + v706
let v708 = (v707 + 708) mod 10007
let v709 = (v708 * 3 + 12) mod 10007
let v710 = let f x = (x + v708) mod 10007 in f 710
let v711 = String.length (string_of_int v710) + v710
let v712 = (v711 + 712) mod 10007
let v713 = (v712 * 3 + 16) mod 10007
let v714 = let f x = (x + v712) mod 10007 in f 714
let v715 = String.length (string_of_int v714) + v714
let v716 = (v715 + 716) mod 10007
let v717 = (v716 * 3 + 3) mod 10007
let v718 = let f x = (x + v716) mod 10007 in f 718
let v719 = String.length (string_of_int v718) + v718
let v720 = (v719 + 720) mod 10007
let v721 = (v720 * 3 + 7) mod 10007
let v722 = let f x = (x + v720) mod 10007 in f 722
let v723 = String.length (string_of_int v722) + v722
let v724 = (v723 + 724) mod 10007
let v725 = (v724 * 3 + 11) mod 10007
let v726 = let f x = (x + v724) mod 10007 in f 726
let v727 = String.length (string_of_int v726) + v726
let v728 = (v727 + 728) mod 10007
let v729 = (v728 * 3 + 15) mod 10007
let v730 = let f x = (x + v728) mod 10007 in f 730
let v731 = String.length (string_of_int v730) + v730
let v732 = (v731 + 732) mod 10007
let v733 = (v732 * 3 + 2) mod 10007
let v734 = let f x = (x + v732) mod 10007 in f 734
let v735 = String.length (string_of_int v734) + v734
let v736 = (v735 + 736) mod 10007
let v737 = (v736 * 3 + 6) mod 10007
let v738 = let f x = (x + v736) mod 10007 in f 738
let v739 = String.length (string_of_int v738) + v738
let v740 = (v739 + 740) mod 10007
let v741 = (v740 * 3 + 10) mod 10007
let v742 = let f x = (x + v740) mod 10007 in f 742
let v743 = String.length (string_of_int v742) + v742
let v744 = (v743 + 744) mod 10007
let v745 = (v744 * 3 + 14) mod 10007
let v746 = let f x = (x + v744) mod 10007 in f 746
let v747 = String.length (string_of_int v746) + v746
let v748 = (v747 + 748) mod 10007
let v749 = (v748 * 3 + 1) mod 10007
let v750 = let f x = (x + v748) mod 10007 in f 750
let v751 = String.length (string_of_int v750) + v750
let v752 = (v751 + 752) mod 10007
let v753 = (v752 * 3 + 5) mod 10007
let v754 = let f x = (x + v752) mod 10007 in f 754
let v755 = String.length (string_of_int v754) + v754
let v756 = (v755 + 756) mod 10007
let v757 = (v756 * 3 + 9) mod 10007
let v758 = let f x = (x + v756) mod 10007 in f 758
let v759 = String.length (string_of_int v758) + v758
let v760 = (v759 + 760) mod 10007
let v761 = (v760 * 3 + 13) mod 10007
let v762 = let f x = (x + v760) mod 10007 in f 762
let v763 = String.length (string_of_int v762) + v762
let v764 = (v763 + 764) mod 10007
let v765 = (v764 * 3 + 0) mod 10007
let v766 = let f x = (x + v764) mod 10007 in f 766
let v767 = String.length (string_of_int v766) + v766
let v768 = (v767 + 768) mod 10007
let v769 = (v768 * 3 + 4) mod 10007
let v770 = let f x = (x + v768) mod 10007 in f 770
let v771 = String.length (string_of_int v770) + v770
let v772 = (v771 + 772) mod 10007
let v773 = (v772 * 3 + 8) mod 10007
let v774 = let f x = (x + v772) mod 10007 in f 774
let v775 = String.length (string_of_int v774) + v774
let v776 = (v775 + 776) mod 10007
let v777 = (v776 * 3 + 12) mod 10007
let v778 = let f x = (x + v776) mod 10007 in f 778
let v779 = String.length (string_of_int v778) + v778
let v780 = (v779 + 780) mod 10007
let v781 = (v780 * 3 + 16) mod 10007
let v782 = let f x = (x + v780) mod 10007 in f 782
let v783 = String.length (string_of_int v782) + v782
let v784 = (v783 + 784) mod 10007
let v785 = (v784 * 3 + 3) mod 10007
let v786 = let f x = (x + v784) mod 10007 in f 786
let v787 = String.length (string_of_int v786) + v786
let v788 = (v787 + 788) mod 10007
let v789 = (v788 * 3 + 7) mod 10007
let v790 = let f x = (x + v788) mod 10007 in f 790
let v791 = String.length (string_of_int v790) + v790
let v792 = (v791 + 792) mod 10007
let v793 = (v792 * 3 + 11) mod 10007
let v794 = let f x = (x + v792) mod 10007 in f 794
let v795 = String.length (string_of_int v794) + v794
let v796 = (v795 + 796) mod 10007
let v797 = (v796 * 3 + 15) mod 10007
let v798 = let f x = (x + v796) mod 10007 in f 798
let v799 = String.length (string_of_int v798) + v798
let v800 = (v799 + 800) mod 10007
let v801 = (v800 * 3 + 2) mod 10007
let v802 = let f x = (x + v800) mod 10007 in f 802
let v803 = String.length (string_of_int v802) + v802
let v804 = (v803 + 804) mod 10007
let v805 = (v804 * 3 + 6) mod 10007
let v806 = let f x = (x + v804) mod 10007 in f 806
let v807 = String.length (string_of_int v806) + v806
let v808 = (v807 + 808) mod 10007
let v809 = (v808 * 3 + 10) mod 10007
let v810 = let f x = (x + v808) mod 10007 in f 810
let v811 = String.length (string_of_int v810) + v810
let v812 = (v811 + 812) mod 10007
let v813 = (v812 * 3 + 14) mod 10007
let v814 = let f x = (x + v812) mod 10007 in f 814
let v815 = String.length (string_of_int v814) + v814
let v816 = (v815 + 816) mod 10007
let v817 = (v816 * 3 + 1) mod 10007
let v818 = let f x = (x + v816) mod 10007 in f 818
let v819 = String.length (string_of_int v818) + v818
let v820 = (v819 + 820) mod 10007
let v821 = (v820 * 3 + 5) mod 10007
let v822 = let f x = (x + v820) mod 10007 in f 822
let v823 = String.length (string_of_int v822) + v822
let v824 = (v823 + 824) mod 10007
let v825 = (v824 * 3 + 9) mod 10007
let v826 = let f x = (x + v824) mod 10007 in f 826
let v827 = String.length (string_of_int v826) + v826
let v828 = (v827 + 828) mod 10007
let v829 = (v828 * 3 + 13) mod 10007
let v830 = let f x = (x + v828) mod 10007 in f 830
let v831 = String.length (string_of_int v830) + v830
let v832 = (v831 + 832) mod 10007
let v833 = (v832 * 3 + 0) mod 10007
let v834 = let f x = (x + v832) mod 10007 in f 834
let v835 = String.length (string_of_int v834) + v834
let v836 = (v835 + 836) mod 10007
let v837 = (v836 * 3 + 4) mod 10007
let v838 = let f x = (x + v836) mod 10007 in f 838
let v839 = String.length (string_of_int v838) + v838
let v840 = (v839 + 840) mod 10007
let v841 = (v840 * 3 + 8) mod 10007
let v842 = let f x = (x + v840) mod 10007 in f 842
let v843 = String.length (string_of_int v842) + v842
let v844 = (v843 + 844) mod 10007
let v845 = (v844 * 3 + 12) mod 10007
let v846 = let f x = (x + v844) mod 10007 in f 846
let v847 = String.length (string_of_int v846) + v846
let v848 = (v847 + 848) mod 10007
let v849 = (v848 * 3 + 16) mod 10007
let v850 = let f x = (x + v848) mod 10007 in f 850
let v851 = String.length (string_of_int v850) + v850
let v852 = (v851 + 852) mod 10007
let v853 = (v852 * 3 + 3) mod 10007
let v854 = let f x = (x + v852) mod 10007 in f 854
let v855 = String.length (string_of_int v854) + v854
let v856 = (v855 + 856) mod 10007
let v857 = (v856 * 3 + 7) mod 10007
let v858 = let f x = (x + v856) mod 10007 in f 858
let v859 = String.length (string_of_int v858) + v858
let v860 = (v859 + 860) mod 10007
let v861 = (v860 * 3 + 11) mod 10007
let v862 = let f x = (x + v860) mod 10007 in f 862
let v863 = String.length (string_of_int v862) + v862
let v864 = (v863 + 864) mod 10007
let v865 = (v864 * 3 + 15) mod 10007
let v866 = let f x = (x + v864) mod 10007 in f 866
let v867 = String.length (string_of_int v866) + v866
let v868 = (v867 + 868) mod 10007
let v869 = (v868 * 3 + 2) mod 10007
let v870 = let f x = (x + v868) mod 10007 in f 870
let v871 = String.length (string_of_int v870) + v870
let v872 = (v871 + 872) mod 10007
let v873 = (v872 * 3 + 6) mod 10007
let v874 = let f x = (x + v872) mod 10007 in f 874
let v875 = String.length (string_of_int v874) + v874
let v876 = (v875 + 876) mod 10007
let v877 = (v876 * 3 + 10) mod 10007
let v878 = let f x = (x + v876) mod 10007 in f 878
let v879 = String.length (string_of_int v878) + v878
let v880 = (v879 + 880) mod 10007
let v881 = (v880 * 3 + 14) mod 10007
let v882 = let f x = (x + v880) mod 10007 in f 882
let v883 = String.length (string_of_int v882) + v882
let v884 = (v883 + 884) mod 10007
let v885 = (v884 * 3 + 1) mod 10007
let v886 = let f x = (x + v884) mod 10007 in f 886
let v887 = String.length (string_of_int v886) + v886
let v888 = (v887 + 888) mod 10007
let v889 = (v888 * 3 + 5) mod 10007
let v890 = let f x = (x + v888) mod 10007 in f 890
let v891 = String.length (string_of_int v890) + v890
let v892 = (v891 + 892) mod 10007
let v893 = (v892 * 3 + 9) mod 10007
let v894 = let f x = (x + v892) mod 10007 in f 894
let v895 = String.length (string_of_int v894) + v894
let v896 = (v895 + 896) mod 10007
let v897 = (v896 * 3 + 13) mod 10007
let v898 = let f x = (x + v896) mod 10007 in f 898
let v899 = String.length (string_of_int v898) + v898
let v900 = (v899 + 900) mod 10007
let v901 = (v900 * 3 + 0) mod 10007
let v902 = let f x = (x + v900) mod 10007 in f 902
let v903 = String.length (string_of_int v902) + v902
let v904 = (v903 + 904) mod 10007
let v905 = (v904 * 3 + 4) mod 10007
let v906 = let f x = (x + v904) mod 10007 in f 906
let v907 = String.length (string_of_int v906) + v906
let v908 = (v907 + 908) mod 10007
let v909 = (v908 * 3 + 8) mod 10007
let v910 = let f x = (x + v908) mod 10007 in f 910
let v911 = String.length (string_of_int v910) + v910
let v912 = (v911 + 912) mod 10007
let v913 = (v912 * 3 + 12) mod 10007
let v914 = let f x = (x + v912) mod 10007 in f 914
let v915 = String.length (string_of_int v914) + v914
let v916 = (v915 + 916) mod 10007
let v917 = (v916 * 3 + 16) mod 10007
let v918 = let f x = (x + v916) mod 10007 in f 918
let v919 = String.length (string_of_int v918) + v918
let v920 = (v919 + 920) mod 10007
let v921 = (v920 * 3 + 3) mod 10007
let v922 = let f x = (x + v920) mod 10007 in f 922
let v923 = String.length (string_of_int v922) + v922
let v924 = (v923 + 924) mod 10007
let v925 = (v924 * 3 + 7) mod 10007
let v926 = let f x = (x + v924) mod 10007 in f 926
let v927 = String.length (string_of_int v926) + v926
let v928 = (v927 + 928) mod 10007
let v929 = (v928 * 3 + 11) mod 10007
let v930 = let f x = (x + v928) mod 10007 in f 930
let v931 = String.length (string_of_int v930) + v930
let v932 = (v931 + 932) mod 10007
let v933 = (v932 * 3 + 15) mod 10007
let v934 = let f x = (x + v932) mod 10007 in f 934
let v935 = String.length (string_of_int v934) + v934
let v936 = (v935 + 936) mod 10007
let v937 = (v936 * 3 + 2) mod 10007
let v938 = let f x = (x + v936) mod 10007 in f 938
let v939 = String.length (string_of_int v938) + v938
let v940 = (v939 + 940) mod 10007
let v941 = (v940 * 3 + 6) mod 10007
let v942 = let f x = (x + v940) mod 10007 in f 942
let v943 = String.length (string_of_int v942) + v942
let v944 = (v943 + 944) mod 10007
let v945 = (v944 * 3 + 10) mod 10007
let v946 = let f x = (x + v944) mod 10007 in f 946
let v947 = String.length (string_of_int v946) + v946
let v948 = (v947 + 948) mod 10007
let v949 = (v948 * 3 + 14) mod 10007
let v950 = let f x = (x + v948) mod 10007 in f 950
let v951 = String.length (string_of_int v950) + v950
let v952 = (v951 + 952) mod 10007
let v953 = (v952 * 3 + 1) mod 10007
let v954 = let f x = (x + v952) mod 10007 in f 954
let v955 = String.length (string_of_int v954) + v954
let v956 = (v955 + 956) mod 10007
let v957 = (v956 * 3 + 5) mod 10007
let v958 = let f x = (x + v956) mod 10007 in f 958
let v959 = String.length (string_of_int v958) + v958
let v960 = (v959 + 960) mod 10007
let v961 = (v960 * 3 + 9) mod 10007
let v962 = let f x = (x + v960) mod 10007 in f 962
let v963 = String.length (string_of_int v962) + v962
let v964 = (v963 + 964) mod 10007
let v965 = (v964 * 3 + 13) mod 10007
let v966 = let f x = (x + v964) mod 10007 in f 966
let v967 = String.length (string_of_int v966) + v966
let v968 = (v967 + 968) mod 10007
let v969 = (v968 * 3 + 0) mod 10007
let v970 = let f x = (x + v968) mod 10007 in f 970
let v971 = String.length (string_of_int v970) + v970
let v972 = (v971 + 972) mod 10007
let v973 = (v972 * 3 + 4) mod 10007
let v974 = let f x = (x + v972) mod 10007 in f 974
let v975 = String.length (string_of_int v974) + v974
let v976 = (v975 + 976) mod 10007
let v977 = (v976 * 3 + 8) mod 10007
let v978 = let f x = (x + v976) mod 10007 in f 978
let v979 = String.length (string_of_int v978) + v978
let v980 = (v979 + 980) mod 10007
let v981 = (v980 * 3 + 12) mod 10007
let v982 = let f x = (x + v980) mod 10007 in f 982
let v983 = String.length (string_of_int v982) + v982
let v984 = (v983 + 984) mod 10007
let v985 = (v984 * 3 + 16) mod 10007
let v986 = let f x = (x + v984) mod 10007 in f 986
let v987 = String.length (string_of_int v986) + v986
let v988 = (v987 + 988) mod 10007
let v989 = (v988 * 3 + 3) mod 10007
let v990 = let f x = (x + v988) mod 10007 in f 990
let v991 = String.length (string_of_int v990) + v990
let v992 = (v991 + 992) mod 10007
let v993 = (v992 * 3 + 7) mod 10007
let v994 = let f x = (x + v992) mod 10007 in f 994
let v995 = String.length (string_of_int v994) + v994
let v996 = (v995 + 996) mod 10007
let v997 = (v996 * 3 + 11) mod 10007
let v998 = let f x = (x + v996) mod 10007 in f 998
let v999 = String.length (string_of_int v998) + v998
let all = [| v0; v1; v2; v3; v4; v5; v6; v7; v8; v9; v10; v11; v12; v13; v14; v15; v16; v17; v18; v19; v20; v21; v22; v23; v24; v25; v26; v27; v28; v29; v30; v31; v32; v33; v34; v35; v36; v37; v38; v39; v40; v41; v42; v43; v44; v45; v46; v47; v48; v49; v50; v51; v52; v53; v54; v55; v56; v57; v58; v59; v60; v61; v62; v63; v64; v65; v66; v67; v68; v69; v70; v71; v72; v73; v74; v75; v76; v77; v78; v79; v80; v81; v82; v83; v84; v85; v86; v87; v88; v89; v90; v91; v92; v93; v94; v95; v96; v97; v98; v99; v100; v101; v102; v103; v104; v105; v106; v107; v108; v109; v110; v111; v112; v113; v114; v115; v116; v117; v118; v119; v120; v121; v122; v123; v124; v125; v126; v127; v128; v129; v130; v131; v132; v133; v134; v135; v136; v137; v138; v139; v140; v141; v142; v143; v144; v145; v146; v147; v148; v149; v150; v151; v152; v153; v154; v155; v156; v157; v158; v159; v160; v161; v162; v163; v164; v165; v166; v167; v168; v169; v170; v171; v172; v173; v174; v175; v176; v177; v178; v179; v180; v181; v182; v183; v184; v185; v186; v187; v188; v189; v190; v191; v192; v193; v194; v195; v196; v197; v198; v199; v200; v201; v202; v203; v204; v205; v206; v207; v208; v209; v210; v211; v212; v213; v214; v215; v216; v217; v218; v219; v220; v221; v222; v223; v224; v225; v226; v227; v228; v229; v230; v231; v232; v233; v234; v235; v236; v237; v238; v239; v240; v241; v242; v243; v244; v245; v246; v247; v248; v249; v250; v251; v252; v253; v254; v255; v256; v257; v258; v259; v260; v261; v262; v263; v264; v265; v266; v267; v268; v269; v270; v271; v272; v273; v274; v275; v276; v277; v278; v279; v280; v281; v282; v283; v284; v285; v286; v287; v288; v289; v290; v291; v292; v293; v294; v295; v296; v297; v298; v299; v300; v301; v302; v303; v304; v305; v306; v307; v308; v309; v310; v311; v312; v313; v314; v315; v316; v317; v318; v319; v320; v321; v322; v323; v324; v325; v326; v327; v328; v329; v330; v331; v332; v333; v334; v335; v336; v337; v338; v339; v340; v341; v342; v343; v344; v345; v346; v347; v348; v349; v350; v351; v352; v353; v354; v355; v356; v357; v358; v359; v360; v361; v362; v363; v364; v365; v366; v367; v368; v369; v370; v371; v372; v373; v374; v375; v376; v377; v378; v379; v380; v381; v382; v383; v384; v385; v386; v387; v388; v389; v390; v391; v392; v393; v394; v395; v396; v397; v398; v399; v400; v401; v402; v403; v404; v405; v406; v407; v408; v409; v410; v411; v412; v413; v414; v415; v416; v417; v418; v419; v420; v421; v422; v423; v424; v425; v426; v427; v428; v429; v430; v431; v432; v433; v434; v435; v436; v437; v438; v439; v440; v441; v442; v443; v444; v445; v446; v447; v448; v449; v450; v451; v452; v453; v454; v455; v456; v457; v458; v459; v460; v461; v462; v463; v464; v465; v466; v467; v468; v469; v470; v471; v472; v473; v474; v475; v476; v477; v478; v479; v480; v481; v482; v483; v484; v485; v486; v487; v488; v489; v490; v491; v492; v493; v494; v495; v496; v497; v498; v499; v500; v501; v502; v503; v504; v505; v506; v507; v508; v509; v510; v511; v512; v513; v514; v515; v516; v517; v518; v519; v520; v521; v522; v523; v524; v525; v526; v527; v528; v529; v530; v531; v532; v533; v534; v535; v536; v537; v538; v539; v540; v541; v542; v543; v544; v545; v546; v547; v548; v549; v550; v551; v552; v553; v554; v555; v556; v557; v558; v559; v560; v561; v562; v563; v564; v565; v566; v567; v568; v569; v570; v571; v572; v573; v574; v575; v576; v577; v578; v579; v580; v581; v582; v583; v584; v585; v586; v587; v588; v589; v590; v591; v592; v593; v594; v595; v596; v597; v598; v599; v600; v601; v602; v603; v604; v605; v606; v607; v608; v609; v610; v611; v612; v613; v614; v615; v616; v617; v618; v619; v620; v621; v622; v623; v624; v625; v626; v627; v628; v629; v630; v631; v632; v633; v634; v635; v636; v637; v638; v639; v640; v641; v642; v643; v644; v645; v646; v647; v648; v649; v650; v651; v652; v653; v654; v655; v656; v657; v658; v659; v660; v661; v662; v663; v664; v665; v666; v667; v668; v669; v670; v671; v672; v673; v674; v675; v676; v677; v678; v679; v680; v681; v682; v683; v684; v685; v686; v687; v688; v689; v690; v691; v692; v693; v694; v695; v696; v697; v698; v699; v700; v701; v702; v703; v704; v705; v706; v707; v708; v709; v710; v711; v712; v713; v714; v715; v716; v717; v718; v719; v720; v721; v722; v723; v724; v725; v726; v727; v728; v729; v730; v731; v732; v733; v734; v735; v736; v737; v738; v739; v740; v741; v742; v743; v744; v745; v746; v747; v748; v749; v750; v751; v752; v753; v754; v755; v756; v757; v758; v759; v760; v761; v762; v763; v764; v765; v766; v767; v768; v769; v770; v771; v772; v773; v774; v775; v776; v777; v778; v779; v780; v781; v782; v783; v784; v785; v786; v787; v788; v789; v790; v791; v792; v793; v794; v795; v796; v797; v798; v799; v800; v801; v802; v803; v804; v805; v806; v807; v808; v809; v810; v811; v812; v813; v814; v815; v816; v817; v818; v819; v820; v821; v822; v823; v824; v825; v826; v827; v828; v829; v830; v831; v832; v833; v834; v835; v836; v837; v838; v839; v840; v841; v842; v843; v844; v845; v846; v847; v848; v849; v850; v851; v852; v853; v854; v855; v856; v857; v858; v859; v860; v861; v862; v863; v864; v865; v866; v867; v868; v869; v870; v871; v872; v873; v874; v875; v876; v877; v878; v879; v880; v881; v882; v883; v884; v885; v886; v887; v888; v889; v890; v891; v892; v893; v894; v895; v896; v897; v898; v899; v900; v901; v902; v903; v904; v905; v906; v907; v908; v909; v910; v911; v912; v913; v914; v915; v916; v917; v918; v919; v920; v921; v922; v923; v924; v925; v926; v927; v928; v929; v930; v931; v932; v933; v934; v935; v936; v937; v938; v939; v940; v941; v942; v943; v944; v945; v946; v947; v948; v949; v950; v951; v952; v953; v954; v955; v956; v957; v958; v959; v960; v961; v962; v963; v964; v965; v966; v967; v968; v969; v970; v971; v972; v973; v974; v975; v976; v977; v978; v979; v980; v981; v982; v983; v984; v985; v986; v987; v988; v989; v990; v991; v992; v993; v994; v995; v996; v997; v998; v999 |]
let () =
  let sum = Array.fold_left (fun a x -> (a + x) mod 1000003) 0 all in
  Printf.printf "count=%d sum=%d\n" (Array.length all) sum;
  Printf.printf "v0=%d v1=%d v2=%d v3=%d v500=%d v998=%d v999=%d\n" v0 v1 v2 v3 v500 v998 v999
