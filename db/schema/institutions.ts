/** Tables of the 机构档案 module. */
export {};
